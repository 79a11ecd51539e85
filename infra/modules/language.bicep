// Optional Azure AI Language account for the enrichment of candidate assessments. Keys are disabled:
// the app signs in with its managed identity (Cognitive Services User, granted in identity.bicep), which
// needs the custom subdomain endpoint.

@description('Account name; also its custom subdomain (<name>.cognitiveservices.azure.com).')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('F0 (free: 5,000 text records a month, one per subscription) or S.')
@allowed(['F0', 'S'])
param sku string

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: { name: sku }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow' }
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint

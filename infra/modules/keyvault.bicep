// Key Vault in RBAC mode for the app's secrets. The app reads them through Key Vault references in its
// settings, signed in as its user-assigned identity (Key Vault Secrets User, granted in identity.bicep).
// A secret is written only when a value is given: a later deployment without it leaves the stored value
// (set or rotated with `az keyvault secret set`, docs/deploy.md) as it is.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. It cannot be turned off again.')
param enablePurgeProtection bool

@description('Secret name of the SendGrid API key.')
param sendGridApiKeySecretName string

@description('SendGrid API key; empty leaves the stored secret unchanged.')
@secure()
param sendGridApiKey string

@description('Secret name of the key that signs subscription tokens (confirm, unsubscribe links).')
param tokenSigningKeySecretName string

@description('Token-signing key; empty leaves the stored secret unchanged.')
@secure()
param tokenSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection is either true or absent: the service refuses an explicit false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridApiKeySecretName
  tags: tags
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource tokenSigningSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(tokenSigningKey)) {
  parent: vault
  name: tokenSigningKeySecretName
  tags: tags
  properties: {
    value: tokenSigningKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri

// NewsWatch on Azure: a Flex Consumption function app that runs as a user-assigned managed identity, a
// storage account without shared keys, Key Vault (RBAC) for the secrets, Log Analytics + Application
// Insights with alerts, and optionally an Azure AI Language account.
//
// Deploy with `azd up` (azure.yaml, parameters from main.bicepparam) or
// `az deployment group create -g RG -f infra/main.bicep -p infra/main.<env>.bicepparam` (docs/deploy.md).
//
// Configuration has one source of truth: `appSettings` below sets exactly the settings the code reads
// (options classes and %...% trigger expressions) that need a value in Azure. The configuration contract
// test (tests/NewsWatch.IntegrationTests/Infra) compiles this file and fails on a missing or an unread setting.
targetScope = 'resourceGroup'

@description('Environment name (azd: AZURE_ENV_NAME), e.g. dev or prod. Part of the resource token and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Tags added to every resource.')
param tags object = {}

@description('Sender address of alert emails: a SendGrid verified sender or an address on an authenticated domain.')
param emailFrom string

@description('Sender display name of alert emails.')
param emailFromName string = 'NewsWatch'

@description('SendGrid API key (Mail Send permission). Empty leaves the secret already in Key Vault as it is; set it there instead (docs/deploy.md).')
@secure()
param sendGridApiKey string = ''

@description('Key that signs subscription tokens (confirm and unsubscribe links), e.g. `openssl rand -base64 48`. Empty leaves the secret in Key Vault as it is.')
@secure()
param tokenSigningKey string = ''

@description('NCRONTAB (with seconds) of the feed poll.')
param pollSchedule string = '0 */5 * * * *'

@description('NCRONTAB (with seconds) of the daily purge of remembered article keys.')
param purgeSchedule string = '0 30 3 * * *'

@description('NCRONTAB (with seconds) of the hourly digest run: each subscriber\'s digest goes at the first run after their local hour.')
param digestSchedule string = '0 5 * * * *'

@description('Where subscribers reach the app: the start of every link in emails. Empty: the function app\'s azurewebsites.net address (set it when the app has a custom domain, or a unique default hostname).')
param publicBaseUrl string = ''

@description('Base64 SubjectPublicKeyInfo of SendGrid\'s Event Webhook verification key (Mail Settings → Event Webhook → Signed Event Webhook). Empty: the webhook refuses every post.')
param sendGridWebhookVerificationKey string = ''

@description('Flex Consumption instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Flex Consumption: most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Deploy an Azure AI Language account for the optional enrichment, with the app as Cognitive Services User.')
param enableLanguage bool = false

@description('Language pricing tier: F0 (free, one per subscription) or S.')
@allowed(['F0', 'S'])
param languageSku string = 'S'

@description('Where alerts are e-mailed; empty creates the alert rules without a notification.')
param alertEmail string = ''

@description('Failed function executions in 15 minutes that raise the function-failures alert.')
@minValue(1)
param functionFailureThreshold int = 5

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily Log Analytics ingestion cap in GB (-1: none).')
param logDailyQuotaGb int = 1

@description('Days claim-check article bodies are kept.')
@minValue(1)
param articleBodyRetentionDays int = 30

@description('Key Vault purge protection (recommended for production; it cannot be turned off once on).')
param keyVaultPurgeProtection bool = false

@description('Object id of an operator (azd: AZURE_PRINCIPAL_ID, the signed-in user) granted Key Vault Secrets Officer and storage data roles for the post-deployment steps. Empty grants nothing.')
param operatorPrincipalId string = ''

@description('Kind of the operator principal.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string = 'User'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var allTags = union(tags, { 'azd-env-name': environmentName, application: 'newswatch' })

// Names the code uses (functions/NewsWatch.Core/Storage/StorageNames.cs); a test compares the two lists.
var queues = ['feeds', 'feeds-poison', 'articles', 'articles-poison', 'alerts', 'alerts-poison']
var tables = ['feeds', 'feedstate', 'seenarticles', 'assessments', 'subscribers', 'deliveries', 'stories', 'digests']
var articleBodiesContainer = 'article-bodies'
var deploymentContainer = 'app-package-${resourceToken}'

// Names are known before the deployment starts (what-if can show every resource), from the token and abbreviations.json.
var names = {
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  actionGroup: '${abbrs.insightsActionGroups}${resourceToken}'
  alertPrefix: '${abbrs.insightsScheduledQueryRules}${resourceToken}-'
  language: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
}

var sendGridApiKeySecretName = 'sendgrid-api-key'
var tokenSigningKeySecretName = 'token-signing-key'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    queues: queues
    tables: tables
    articleBodiesContainer: articleBodiesContainer
    deploymentContainer: deploymentContainer
    articleBodyRetentionDays: articleBodyRetentionDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    enablePurgeProtection: keyVaultPurgeProtection
    sendGridApiKeySecretName: sendGridApiKeySecretName
    sendGridApiKey: sendGridApiKey
    tokenSigningKeySecretName: tokenSigningKeySecretName
    tokenSigningKey: tokenSigningKey
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    actionGroupName: names.actionGroup
    alertNamePrefix: names.alertPrefix
    location: location
    tags: allTags
    retentionInDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
    alertEmail: alertEmail
    functionFailureThreshold: functionFailureThreshold
  }
}

module language 'modules/language.bicep' = if (enableLanguage) {
  name: 'language'
  params: {
    name: names.language
    location: location
    tags: allTags
    sku: languageSku
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    languageAccountName: enableLanguage ? names.language : ''
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  // The roles are granted on these resources, so they must exist first.
  dependsOn: [storage, keyVault, monitoring, language]
}

// Every setting the app reads in Azure, under the name the code binds (`__` for `:`). The contract test
// fails if one the code requires is missing here, or if one here is read by nothing.
var appSettings = [
  // Storage, identity form (StorageOptions; the Functions host reads the same for its triggers).
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.outputs.clientId }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.outputs.queueEndpoint }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.outputs.tableEndpoint }
  // Telemetry (read by the Functions host), with Entra ID auth as the identity.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.outputs.clientId};Authorization=AAD' }
  // Timer trigger expressions (%NewsWatch:Feeds:PollSchedule%, %NewsWatch:Feeds:PurgeSchedule%, %NewsWatch:Alerts:DigestSchedule%).
  { name: 'NewsWatch__Feeds__PollSchedule', value: pollSchedule }
  { name: 'NewsWatch__Feeds__PurgeSchedule', value: purgeSchedule }
  { name: 'NewsWatch__Alerts__DigestSchedule', value: digestSchedule }
  // Mail.
  { name: 'NewsWatch__Email__From', value: emailFrom }
  { name: 'NewsWatch__Email__FromName', value: emailFromName }
  { name: 'NewsWatch__SendGrid__ApiKey', value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${sendGridApiKeySecretName})' }
  { name: 'NewsWatch__SendGrid__WebhookVerificationKey', value: sendGridWebhookVerificationKey }
  // Subscription links: signed with the Key Vault secret, starting at the app's public address.
  { name: 'NewsWatch__Subscriptions__TokenSigningKey', value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${tokenSigningKeySecretName})' }
  { name: 'NewsWatch__Subscriptions__PublicBaseUrl', value: empty(publicBaseUrl) ? 'https://${names.functionApp}.azurewebsites.net' : publicBaseUrl }
  // Optional Language enrichment: empty turns it off.
  { name: 'NewsWatch__Language__Endpoint', value: language.?outputs.endpoint ?? '' }
]

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    serviceName: 'functions'
    identityId: identity.outputs.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: deploymentContainer
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: appSettings
  }
}

// Outputs for azd (written to .azure/<env>/.env) and for the post-deployment steps in docs/deploy.md.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output SERVICE_FUNCTIONS_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
output AZURE_LANGUAGE_ENDPOINT string = language.?outputs.endpoint ?? ''
output AZURE_ALERT_RULE_NAMES string[] = monitoring.outputs.alertRuleNames

// NewsWatch on Azure Functions: storage (queues, tables), a consumption plan and the function app.
// The first template: it deploys what the pipeline needs to run. Managed identity, Flex
// Consumption, monitoring and network hardening come with the infrastructure issue.
targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(11)
param name string = 'newswatch'

@description('Sender address of alert emails.')
param emailFrom string = 'alerts@newswatch.example'

@description('SendGrid API key. Required: without it the app refuses to start in Azure rather than lose mail.')
@secure()
param sendGridApiKey string

@description('NCRONTAB schedule of the feed poll.')
param pollSchedule string = '0 */5 * * * *'

var suffix = uniqueString(resourceGroup().id, name)
var queues = ['feeds', 'feeds-poison', 'articles', 'articles-poison', 'alerts', 'alerts-poison']
var tables = ['feeds', 'feedstate', 'seenarticles', 'assessments', 'subscribers', 'deliveries']

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower('${name}${suffix}')
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queues: {
  parent: queueService
  name: queue
}]

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource articleBodies 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'article-bodies'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: tableService
  name: table
}]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'functionapp'
  sku: { name: 'Y1', tier: 'Dynamic' }
  properties: { reserved: true }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-func-${suffix}'
  location: location
  kind: 'functionapp,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'NewsWatch__Feeds__PollSchedule', value: pollSchedule }
        { name: 'NewsWatch__Feeds__PurgeSchedule', value: '0 30 3 * * *' }
        { name: 'NewsWatch__Email__From', value: emailFrom }
        { name: 'NewsWatch__SendGrid__ApiKey', value: sendGridApiKey }
      ]
    }
  }
  dependsOn: [storageQueues, storageTables, articleBodies]
}

output functionAppName string = functionApp.name
output storageAccountName string = storage.name

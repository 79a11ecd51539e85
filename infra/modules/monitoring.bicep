// Telemetry and alerts: a Log Analytics workspace, workspace-based Application Insights that accepts
// Entra ID-authenticated telemetry only (the app's identity is its Monitoring Metrics Publisher), an
// optional e-mail action group, and four log alerts on what the code and the Functions host log.
// The alert queries quote the code's log templates; tests/NewsWatch.IntegrationTests/Infra checks them
// against the LoggerMessage attributes, so a reworded log message breaks the build, not the alert.

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights name.')
param applicationInsightsName string

@description('Action group name (used when alertEmail is set).')
param actionGroupName string

@description('Prefix of the alert rule names.')
param alertNamePrefix string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days Log Analytics keeps data (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB (-1: none). A runaway log loop then costs at most this much a day.')
param dailyQuotaGb int

@description('Where alerts are e-mailed; empty creates the alert rules without a notification.')
param alertEmail string

@description('Failed function executions in 15 minutes that raise the function-failures alert.')
@minValue(1)
param functionFailureThreshold int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
    workspaceCapping: { dailyQuotaGb: dailyQuotaGb }
    features: { disableLocalAuth: true }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'newswatch'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// A message failed maxDequeueCount times and the Functions host moved it to <queue>-poison. The host logs
// (Warning, category Host.Triggers.Queue / QueueListener):
//   Message has reached MaxDequeueCount of 5. Moving message to queue 'articles-poison'.
// The message stays in the poison queue until an operator looks (docs/deploy.md).
var poisonQuery = '''
traces
| where message has "MaxDequeueCount" and message has "Moving message to queue" and message contains "-poison"
| extend queue = extract(@"queue '([^']+)'", 1, message)
| summarize messages = count() by queue
'''

// Executions that ended in an exception (requests are never sampled: host.json excludes Request).
var functionFailuresQuery = '''
requests
| where success == false
| summarize failures = count()
| where failures >= {threshold}
'''

// FeedScheduler.LogFailingFeed: "Feed {FeedUrl} has been failing for {Duration}: {LastError}", logged by each
// poll cycle for every feed failing longer than NewsWatch:Feeds:FailingWarningAfter (24 h by default).
var failingFeedsQuery = '''
traces
| where message startswith "Feed " and message contains " has been failing for "
| extend feed = extract(@"^Feed (\S+) has been failing for", 1, message)
| summarize cycles = count() by feed
'''

// AlertDispatcher.LogSendFailed / LogRefused: "Alert {ArticleId} to {Email} failed and will be retried: {Reason}"
// and "Alert {ArticleId} to {Email} was refused and will not be retried: {Reason}". They carry the exception, so
// they may land in exceptions (with the formatted message in customDimensions) rather than in traces.
var sendGridFailuresQuery = '''
union
    (traces | project timestamp, text = message),
    (exceptions | project timestamp, text = strcat(outerMessage, " ", tostring(customDimensions)))
| where text contains " failed and will be retried: " or text contains " was refused and will not be retried: "
| summarize failures = count()
'''

var alerts = [
  {
    name: 'poison-messages'
    displayName: 'NewsWatch: messages moved to a poison queue'
    description: 'A queue message failed maxDequeueCount times and was moved to <queue>-poison. Inspect and requeue or delete it (docs/deploy.md).'
    severity: 2
    query: poisonQuery
    frequency: 'PT5M'
    window: 'PT15M'
    mute: 'PT1H'
  }
  {
    name: 'function-failures'
    displayName: 'NewsWatch: function executions failing'
    description: 'At least ${functionFailureThreshold} function executions failed in 15 minutes.'
    severity: 2
    query: replace(functionFailuresQuery, '{threshold}', string(functionFailureThreshold))
    frequency: 'PT5M'
    window: 'PT15M'
    mute: 'PT1H'
  }
  {
    name: 'feeds-failing-24h'
    displayName: 'NewsWatch: feeds failing for more than 24 h'
    description: 'One or more feeds have failed every poll for longer than NewsWatch:Feeds:FailingWarningAfter (24 h). `newswatch feeds list` shows their last error.'
    severity: 3
    query: failingFeedsQuery
    frequency: 'PT1H'
    window: 'PT1H'
    mute: 'PT23H'
  }
  {
    name: 'sendgrid-failures'
    displayName: 'NewsWatch: SendGrid failing to send alerts'
    description: 'SendGrid refused or failed to accept alert emails (throttling, outage, invalid key, unverified sender).'
    severity: 1
    query: sendGridFailuresQuery
    frequency: 'PT5M'
    window: 'PT15M'
    mute: 'PT1H'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: '${alertNamePrefix}${alert.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: alert.displayName
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [appInsights.id]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: false
      muteActionsDuration: alert.mute
      actions: {
        actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
      }
    }
  }
]

output applicationInsightsName string = appInsights.name
output applicationInsightsId string = appInsights.id
output applicationInsightsConnectionString string = appInsights.properties.ConnectionString
output logAnalyticsName string = workspace.name
output alertRuleNames string[] = [for (alert, i) in alerts: alertRules[i].name]

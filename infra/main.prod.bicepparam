// Production: alerts must reach someone, Language enrichment on, purge protection on (irreversible), 90 days of logs.
//   NEWSWATCH_EMAIL_FROM=alerts@your-domain.example NEWSWATCH_ALERT_EMAIL=ops@your-domain.example \
//   az deployment group create -g rg-newswatch-prod -f infra/main.bicep -p infra/main.prod.bicepparam
using 'main.bicep'

param environmentName = 'prod'
param emailFrom = readEnvironmentVariable('NEWSWATCH_EMAIL_FROM')
param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')
param tokenSigningKey = readEnvironmentVariable('NEWSWATCH_TOKEN_SIGNING_KEY', '')
param alertEmail = readEnvironmentVariable('NEWSWATCH_ALERT_EMAIL')
param operatorPrincipalId = readEnvironmentVariable('NEWSWATCH_OPERATOR_ID', '')
param operatorPrincipalType = 'Group'
param instanceMemoryMB = 2048
param maximumInstanceCount = 100
param enableLanguage = true
param languageSku = 'S'
param functionFailureThreshold = 5
param logRetentionDays = 90
param logDailyQuotaGb = 5
param keyVaultPurgeProtection = true

// Development: small and cheap, easy to tear down (no purge protection, 30 days of logs, a 1 GB/day log cap).
//   NEWSWATCH_EMAIL_FROM=alerts@your-domain.example \
//   az deployment group create -g rg-newswatch-dev -f infra/main.bicep -p infra/main.dev.bicepparam
using 'main.bicep'

param environmentName = 'dev'
param emailFrom = readEnvironmentVariable('NEWSWATCH_EMAIL_FROM')
param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')
param tokenSigningKey = readEnvironmentVariable('NEWSWATCH_TOKEN_SIGNING_KEY', '')
param alertEmail = readEnvironmentVariable('NEWSWATCH_ALERT_EMAIL', '')
param operatorPrincipalId = readEnvironmentVariable('NEWSWATCH_OPERATOR_ID', '')
param instanceMemoryMB = 2048
param maximumInstanceCount = 40
param enableLanguage = false
param logRetentionDays = 30
param logDailyQuotaGb = 1
param keyVaultPurgeProtection = false

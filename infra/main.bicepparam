// Parameters for `azd up` / `azd provision`: azd passes its environment (.azure/<env>/.env and the shell's
// variables) to these readEnvironmentVariable calls. Set the ones without a default first:
//   azd env set NEWSWATCH_EMAIL_FROM alerts@your-domain.example
// Secrets are better stored in Key Vault after the first deployment (docs/deploy.md) than in the azd environment.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param emailFrom = readEnvironmentVariable('NEWSWATCH_EMAIL_FROM')
param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')
param tokenSigningKey = readEnvironmentVariable('NEWSWATCH_TOKEN_SIGNING_KEY', '')
param sendGridWebhookVerificationKey = readEnvironmentVariable('SENDGRID_WEBHOOK_VERIFICATION_KEY', '')
param publicBaseUrl = readEnvironmentVariable('NEWSWATCH_PUBLIC_BASE_URL', '')
param alertEmail = readEnvironmentVariable('NEWSWATCH_ALERT_EMAIL', '')
param enableLanguage = bool(readEnvironmentVariable('NEWSWATCH_ENABLE_LANGUAGE', 'false'))
param maximumInstanceCount = int(readEnvironmentVariable('NEWSWATCH_MAXIMUM_INSTANCE_COUNT', '40'))
// azd sets these to the signed-in user (or the workflow's service principal), who then may store secrets and use the CLI.
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param operatorPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

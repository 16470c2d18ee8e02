targetScope = 'subscription'

// Plain resource declarations only (no registry modules), so `bicep build` and `bicep lint`
// run offline. See infra/README.md for what each resource is for.

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource token so each environment gets its own names.')
param environmentName string

@minLength(1)
@description('Region for every resource. Limited to regions that offer Flex Consumption, so a bad choice fails before anything is created.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional resource group name; defaults to rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person (or CI principal) running azd. When set, it gets the app\'s data-plane roles plus Key Vault Secrets Officer, so the CLI and local debugging reach the real storage and the SMTP password can be rotated. Leave empty in production.')
param principalId string = ''

@description('Kind of principalId: a signed-in developer is a User, a CI pipeline is a ServicePrincipal.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Client id of the Entra ID app registration that App Service Authentication validates tokens for. Empty keeps authentication required but with no provider, so every HTTP request is refused (fail closed) until it is set.')
param authClientId string = ''

@description('Object id of the Entra ID group whose members may use the review page and API. App Service Authentication admits any user of the tenant; the app answers 403 to anyone outside this group. Empty admits every signed-in user.')
param reviewAllowedGroup string = ''

@description('NCRONTAB (with seconds) for polling the news sources. Evaluated in UTC.')
param pollSchedule string = '0 */30 * * * *'

// Linux plans, Flex Consumption included, ignore WEBSITE_TIME_ZONE: every schedule here is UTC.
// The bulletin should go out just after a Beijing (UTC+8, no DST) month ends, i.e. 00:05 Beijing
// on the 1st = 16:05 UTC on the last day of the previous month. NCRONTAB has no "last day of
// month" (no `L`), and "28-31" would fire up to four times. So the trigger fires daily at
// 16:05 UTC (00:05 Beijing) and the service itself decides whether the previous Beijing month
// is still unpublished; on every other day it does nothing.
@description('NCRONTAB (with seconds) for the month-end bulletin. Evaluated in UTC: 16:05 UTC is 00:05 in Beijing.')
param bulletinSchedule string = '0 5 16 * * *'

@description('NCRONTAB (with seconds) for the daily digest. Evaluated in UTC: 00:00 UTC is 08:00 in Beijing.')
param digestSchedule string = '0 0 0 * * *'

@description('SMTP server that sends the bulletin, digest and alerts.')
param mailHost string = ''

@description('SMTP port; 587 is submission with STARTTLS, 465 is implicit TLS.')
param mailPort string = '587'

@description('Transport security: a MailKit SecureSocketOptions name (StartTls, SslOnConnect, Auto, None).')
param mailSecurity string = 'StartTls'

@description('SMTP user name; empty sends without authentication.')
param mailUser string = ''

@secure()
@description('SMTP password. Stored only as a Key Vault secret; the app reads it through a Key Vault reference. Empty leaves any existing secret untouched (set or rotate it with `az keyvault secret set`).')
param mailPassword string = ''

@description('Sender address of the mail.')
param mailFrom string = ''

@description('Editors who receive the draft notices and the digest, and approve the bulletin (comma-separated addresses).')
param mailEditors string = ''

@description('Readers who receive each approved bulletin once (comma-separated addresses).')
param mailReaders string = ''

@description('The review page address the draft notice links to, e.g. https://<app host>/api/review; empty leaves the link out.')
param reviewUrl string = ''

@description('Days after the first draft when an unapproved bulletin goes to the readers anyway; 0 never distributes without an editor.')
param bulletinAutoDistributeAfterDays string = '0'

@description('Who receives source alerts (comma-separated addresses); empty sends them to mailEditors.')
param mailAlertsTo string = ''

@description('Source alert mails (incidents and recoveries) per Beijing day; further alerts are only logged.')
param mailMaxAlertsPerDay string = '10'

@description('Contact (mail address or URL) put in the User-Agent when polling sources, so a site operator can reach us. Empty falls back to mailFrom.')
param pollingUserAgentContact string = ''

@description('Deploy the optional WeChat feed bridge as a Container App (docs/wechat-bridges.md). Off by default: WeChat accounts stay disabled in the catalog until an operator points them at a bridge.')
param deployWechatBridge bool = false

@description('Bridge image when deployWechatBridge is true: diygod/rsshub:latest (port 1200) or ghcr.io/rachelos/we-mp-rss:latest (port 8001).')
param wechatBridgeImage string = 'diygod/rsshub:latest'

@description('Port the bridge image listens on.')
param wechatBridgePort int = 1200

// ---------------------------------------------------------------------------
// Naming
// ---------------------------------------------------------------------------

var abbrs = loadJsonContent('./abbreviations.json')
// Stable per subscription + environment + region, so re-running azd up updates rather than duplicates.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

// Names are computed here, from values known when the deployment starts, and passed to every
// module that refers to a resource: a name taken from a module output would be a runtime value,
// which short-circuits what-if.
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
// Flex Consumption pulls its package from this container; the hash keeps it unique if several apps share the account.
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(uniqueString(functionAppName, resourceToken), 7)}'

// Queue names are declared once: the storage module creates them and the app settings tell the
// code which ones to use, so the two cannot drift. Poison queues (<name>-poison) are created by
// the Functions host on first failure.
var sourcePollsQueueName = 'source-polls'
var articleFetchQueueName = 'article-fetch'
var mailPasswordSecretName = 'mail-password'

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      deploymentStorageContainerName
      'bulletins'
    ]
    queueNames: [
      sourcePollsQueueName
      articleFetchQueueName
    ]
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    mailPasswordSecretName: mailPasswordSecretName
    mailPassword: mailPassword
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbacAssignments'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    appInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    identityName: identityName
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    monitoring
    storage
    keyVault
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    applicationInsightsName: applicationInsightsName
    storageAccountName: storageAccountName
    deploymentStorageContainerName: deploymentStorageContainerName
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    appSettings: {
      // StorageOptions: the app builds its own Table/Blob/Queue clients from the account name
      // and the user-assigned identity (shared keys are off, so there is no connection string).
      Storage__AccountName: storageAccountName
      Storage__ManagedIdentityClientId: identity.outputs.clientId
      // Keeps the composed endpoints right outside the public cloud.
      Storage__EndpointSuffix: environment().suffixes.storage
      Queues__SourcePolls: sourcePollsQueueName
      Queues__ArticleFetch: articleFetchQueueName
      PollSchedule: pollSchedule
      BulletinSchedule: bulletinSchedule
      DigestSchedule: digestSchedule
      Mail__Host: mailHost
      Mail__Port: mailPort
      Mail__Security: mailSecurity
      Mail__User: mailUser
      // A Key Vault reference, resolved by the platform with keyVaultReferenceIdentity (the
      // user-assigned identity); the password itself never appears in the site's configuration.
      Mail__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.mailCredentialUri})'
      Mail__From: mailFrom
      Mail__Editors: mailEditors
      Mail__Readers: mailReaders
      Mail__AlertsTo: mailAlertsTo
      Mail__MaxAlertsPerDay: mailMaxAlertsPerDay
      // Three attempts, waiting 2 s then 10 s: rides out a greylisting 451 or a brief outage.
      Mail__MaxAttempts: '3'
      Mail__RetryDelay: '00:00:02'
      // The longest a user-delegation SAS may live; the .docx is attached anyway.
      Mail__BulletinLinkLifetime: '7.00:00:00'
      Polling__UserAgentContact: !empty(pollingUserAgentContact) ? pollingUserAgentContact : mailFrom
      // Politeness and source health: one request per host every 2 s; a source is failing after 5 failed polls in
      // a row and silent after 7 days without a new link.
      Polling__PerHostDelay: '00:00:02'
      Polling__MaxBodyBytes: '5242880'
      Polling__FailureThreshold: '5'
      Polling__SilentDays: '7'
      // How often the live catalog blob config/sources.json is checked for a new ETag.
      Sources__CheckInterval: '00:01:00'
      // 2018-04 is 第一期; IssueOverrides__yyyy-MM can renumber from a month on.
      Bulletin__FirstIssueMonth: '2018-04'
      Bulletin__ReviewUrl: reviewUrl
      Bulletin__AutoDistributeAfterDays: bulletinAutoDistributeAfterDays
      Extraction__MaxInputBytes: '5242880'
      Review__AllowedGroup: reviewAllowedGroup
    }
  }
  // The host starts as soon as the site exists and needs these roles for its storage and the
  // Key Vault reference; creating them first gives propagation a head start (the host retries).
  dependsOn: [
    monitoring
    storage
    rbac
  ]
}

module wechatBridge 'app/wechat-bridge.bicep' = if (deployWechatBridge) {
  name: 'wechat-bridge'
  scope: rg
  params: {
    environmentName: '${abbrs.appManagedEnvironments}${resourceToken}'
    appName: '${abbrs.appContainerApps}wxbridge-${resourceToken}'
    location: location
    tags: tags
    image: wechatBridgeImage
    targetPort: wechatBridgePort
  }
}

module auth 'app/auth.bicep' = {
  name: 'auth'
  scope: rg
  params: {
    functionAppName: functionAppName
    clientId: authClientId
  }
  dependsOn: [
    api
  ]
}

// ---------------------------------------------------------------------------
// Outputs (azd writes these into .azure/<env>/.env)
// ---------------------------------------------------------------------------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AUTH_ENABLED bool = auth.outputs.providerEnabled
output WECHAT_BRIDGE_URI string = deployWechatBridge ? wechatBridge!.outputs.uri : ''

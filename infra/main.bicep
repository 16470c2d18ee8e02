targetScope = 'subscription'

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

@description('Object id of the person (or CI principal) running azd. When set, it gets the same data-plane roles as the app so the CLI and local debugging can reach the real storage. Leave empty in production.')
param principalId string = ''

@description('Kind of principalId: a signed-in developer is a User, a CI pipeline is a ServicePrincipal.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('NCRONTAB (with seconds) for polling the news sources. Evaluated in UTC.')
param pollSchedule string = '0 */30 * * * *'

// Linux hosting (Flex Consumption included) ignores WEBSITE_TIME_ZONE, so this runs in UTC.
// The natural trigger, 01:00 Asia/Shanghai on the 1st, is 17:00 UTC on the last day of the
// previous month, which NCRONTAB cannot express because month lengths differ. 01:00 UTC on
// the 1st (09:00 in Shanghai) is safely after the Shanghai month boundary, and the app works
// out which month just ended in Asia/Shanghai itself, so the run time only needs to be late enough.
@description('NCRONTAB (with seconds) for the month-end bulletin. Evaluated in UTC.')
param monthEndSchedule string = '0 0 1 1 * *'

@description('SMTP server that sends the bulletin.')
param mailSmtpHost string = ''

@description('SMTP port; 587 is submission with STARTTLS.')
param mailSmtpPort string = '587'

@description('Sender address of the bulletin mail.')
param mailFrom string = ''

@description('Editors who receive the bulletin (comma-separated addresses).')
param mailEditors string = ''

@secure()
@description('SMTP password. Empty leaves the setting blank until it is supplied.')
param mailPassword string = ''

// ---------------------------------------------------------------------------
// Naming
// ---------------------------------------------------------------------------

var abbrs = loadJsonContent('./abbreviations.json')
// Stable per subscription + environment + region, so re-running azd up updates rather than duplicates.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
// Flex Consumption pulls its package from this container; the hash keeps it unique if several apps share the account.
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(uniqueString(functionAppName, resourceToken), 7)}'

// The app's own data. Poison queues (<name>-poison) are created by the Functions host on first failure.
var bulletinsContainerName = 'bulletins'
var queues = [
  { name: 'source-polls' }
  { name: 'article-fetch' }
]
var tables = [
  { name: 'articles' }
  { name: 'sources' }
  { name: 'runs' }
]

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// A user-assigned identity (rather than system-assigned) exists before the app does, so its
// role assignments can be in place by the time the host first starts.
module apiIdentity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'apiUserAssignedIdentity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.11.1' = {
  name: 'logAnalytics'
  scope: rg
  params: {
    name: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
    dataRetention: 30
  }
}

module appInsights 'br/public:avm/res/insights/component:0.6.0' = {
  name: 'applicationInsights'
  scope: rg
  params: {
    name: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    // Instrumentation keys alone cannot write telemetry; the app authenticates with its identity.
    disableLocalAuth: true
  }
}

// 0.27.1 rather than the sample's 0.8.3: the sample only creates a blob container, while the
// queues and tables above follow this version's { name } object shape.
module storage 'br/public:avm/res/storage/storage-account:0.27.1' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    kind: 'StorageV2'
    // LRS: articles can be re-fetched from the sources and bulletins are mailed out, so
    // geo-redundancy would cost more than losing a region's copy.
    skuName: 'Standard_LRS'
    // Every caller (host, app, developers) uses Entra ID; keys would be an unmonitored back door.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    // The app composes https://<account>.<service>.core.windows.net from the name alone,
    // which only holds for Standard endpoints (not Azure DNS zone endpoints).
    dnsEndpointType: 'Standard'
    // Flex Consumption without VNet integration reaches storage over the public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    blobServices: {
      containers: [
        { name: deploymentStorageContainerName }
        { name: bulletinsContainerName }
      ]
    }
    queueServices: {
      queues: queues
    }
    tableServices: {
      tables: tables
    }
  }
}

module appServicePlan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'appServicePlan'
  scope: rg
  params: {
    name: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    sku: {
      name: 'FC1'
      tier: 'FlexConsumption'
    }
    // Flex Consumption is Linux-only; reserved: true is how a plan says Linux.
    reserved: true
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbacAssignments'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: appInsights.outputs.name
    managedIdentityPrincipalId: apiIdentity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    appServicePlanId: appServicePlan.outputs.resourceId
    applicationInsightsName: appInsights.outputs.name
    storageAccountName: storage.outputs.name
    deploymentStorageContainerName: deploymentStorageContainerName
    identityId: apiIdentity.outputs.resourceId
    identityClientId: apiIdentity.outputs.clientId
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    appSettings: {
      // Read by StorageOptions: the app builds its own Table/Blob/Queue clients from these.
      Storage__AccountName: storage.outputs.name
      Storage__ManagedIdentityClientId: apiIdentity.outputs.clientId
      // Keeps the composed endpoints right outside the public cloud.
      Storage__EndpointSuffix: environment().suffixes.storage
      PollSchedule: pollSchedule
      MonthEndSchedule: monthEndSchedule
      Mail__SmtpHost: mailSmtpHost
      Mail__SmtpPort: mailSmtpPort
      Mail__From: mailFrom
      Mail__Editors: mailEditors
    }
    mailPassword: mailPassword
  }
  // The host starts as soon as the site exists and needs these roles for its storage; creating
  // them first gives propagation a head start (the host retries until they take effect).
  dependsOn: [
    rbac
  ]
}

// ---------------------------------------------------------------------------
// Outputs (azd writes these into .azure/<env>/.env)
// ---------------------------------------------------------------------------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.SERVICE_API_NAME
output AZURE_FUNCTION_APP_NAME string = api.outputs.SERVICE_API_NAME
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = apiIdentity.outputs.clientId

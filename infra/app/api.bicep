// The Flex Consumption plan and the HealthItFunctions app, running as the user-assigned identity.

param name string
param planName string
param location string
param tags object = {}

@description('azd finds the app to deploy service "api" to through the azd-service-name tag.')
param serviceName string = 'api'

param applicationInsightsName string
param storageAccountName string
param deploymentStorageContainerName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity; identity-based settings must name it because it is not the default identity.')
param identityClientId string

param runtimeName string = 'dotnet-isolated'

// Flex Consumption takes the worker's major.minor; 10.0 matches net10.0 in the project.
param runtimeVersion string = '10.0'

param instanceMemoryMB int = 2048
param maximumInstanceCount int = 100

@description('App-specific settings, merged under the platform settings built here.')
param appSettings object = {}

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Flex Consumption is Linux-only; reserved: true is how a plan says Linux.
    reserved: true
  }
}

// Shared keys are disabled on the account, so the host gets no connection string: it reaches
// blobs (leases, timer state), queues (triggers) and tables through the identity and these URIs.
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: stg.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: stg.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: stg.properties.primaryEndpoints.table
}

// App Insights has local auth disabled; the SDK must send telemetry with a token for this identity.
var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Platform settings win over caller-supplied ones so a typo in appSettings cannot unhook storage or telemetry.
// FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_TIME_ZONE are deliberately
// absent: Flex Consumption takes the runtime from functionAppConfig, rejects the first two and
// ignores the third (schedules are UTC; see main.bicep).
var allAppSettings = union(appSettings, hostStorageSettings, monitoringSettings)

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Mail__Password) resolve with this identity; without it the platform
    // would look for a system-assigned identity the app does not have.
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${stg.properties.primaryEndpoints.blob}${deploymentStorageContainerName}'
          // Keys are off, so the platform fetches the package with the app's identity too.
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Inline rather than a separate appsettings resource, so the host never starts without its storage settings.
      // map() rather than a for-expression: the values (endpoints, connection string) are only
      // known during the deployment, which a for-expression over properties does not allow.
      appSettings: map(items(allAppSettings), setting => {
        name: setting.key
        value: setting.value
      })
    }
  }
}

// azd deploys to Flex Consumption with an Entra token, so publishing with basic credentials
// (FTP and the SCM site) is switched off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'

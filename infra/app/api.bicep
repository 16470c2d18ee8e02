// The HealthItFunctions app on Flex Consumption, running as the user-assigned identity.

param name string
param location string = resourceGroup().location
param tags object = {}

@description('azd finds the app to deploy service "api" to through the azd-service-name tag.')
param serviceName string = 'api'

param appServicePlanId string
param applicationInsightsName string
param storageAccountName string
param deploymentStorageContainerName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity; identity-based settings must name it because it is not the default identity.')
param identityClientId string

param runtimeName string = 'dotnet-isolated'

// Flex Consumption takes the worker's major.minor; 10.0 matches net10.0 in the project and is
// what Azure-Samples/functions-quickstart-dotnet-azd-timer deploys.
param runtimeVersion string = '10.0'

param instanceMemoryMB int = 2048
param maximumInstanceCount int = 100

@description('App-specific settings, merged under the platform settings built here.')
param appSettings object = {}

// A plain app setting keeps this simple. Note that it is still visible in the inputs of the
// nested site deployment (the AVM module does not take secure settings); move it to a Key Vault
// reference if that matters for your subscription.
@secure()
@description('SMTP password, written to Mail__Password.')
param mailPassword string = ''

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
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
// FUNCTIONS_WORKER_RUNTIME and the extension version are deliberately absent: Flex Consumption
// takes the runtime from functionAppConfig and does not support those settings.
var allAppSettings = union(
  appSettings,
  { Mail__Password: mailPassword },
  hostStorageSettings,
  monitoringSettings
)

module api 'br/public:avm/res/web/site:0.15.1' = {
  name: '${serviceName}-flex-consumption'
  params: {
    kind: 'functionapp,linux'
    name: name
    location: location
    tags: union(tags, { 'azd-service-name': serviceName })
    serverFarmResourceId: appServicePlanId
    managedIdentities: {
      systemAssigned: false
      userAssignedResourceIds: [
        identityId
      ]
    }
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
      // Not available on Flex Consumption; instances scale from zero on triggers instead.
      alwaysOn: false
    }
    appSettingsKeyValuePairs: allAppSettings
  }
}

output SERVICE_API_NAME string = api.outputs.name

// The storage account shared by the Functions host (leases, timer state, queue triggers), the
// deployment package and the app's own data. Shared keys are off: every caller uses Entra ID.

param name string
param location string
param tags object = {}

@description('Blob containers to create: the Flex deployment container and the app\'s own.')
param containerNames array

@description('Queues to create. The host creates the -poison queues itself on first failure; the app creates its tables on first use.')
param queueNames array

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  // LRS: articles can be re-fetched from the sources and bulletins are mailed out, so
  // geo-redundancy would cost more than losing a region's copy.
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Every caller (host, app, developers) uses Entra ID; keys would be an unmonitored back door.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // The app composes https://<account>.<service>.<suffix> from the name alone, which only
    // holds for Standard endpoints (not Azure DNS zone endpoints).
    dnsEndpointType: 'Standard'
    // Flex Consumption without VNet integration reaches storage over the public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }
}

output name string = storageAccount.name

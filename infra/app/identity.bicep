// The identity the function app runs as. User-assigned rather than system-assigned because it
// exists before the app does: its role assignments are in place by the time the host first starts,
// and the same identity resolves the Key Vault reference and fetches the deployment package.

param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output resourceId string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId

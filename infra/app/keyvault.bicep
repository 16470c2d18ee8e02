// Key Vault for the SMTP password. RBAC mode (no access policies): the app's identity gets
// Key Vault Secrets User in rbac.bicep and reads the secret through a Key Vault reference.

param name string
param location string
param tags object = {}

param mailPasswordSecretName string

@secure()
@description('SMTP password. Empty skips writing the secret, so a provision without it never blanks a password set or rotated out of band.')
param mailPassword string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // Short, so `azd down --purge` and re-creating an environment are not blocked for long.
    softDeleteRetentionInDays: 7
    // Flex Consumption without VNet integration resolves the reference over the public endpoint.
    publicNetworkAccess: 'Enabled'
  }
}

resource mailPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(mailPassword)) {
  parent: vault
  name: mailPasswordSecretName
  properties: {
    value: mailPassword
    contentType: 'text/plain'
  }
}

output name string = vault.name
// The secret's URI, not its value. Versionless on purpose: the platform then picks up a rotated secret (within a day, or at once on restart).
output mailCredentialUri string = '${vault.properties.vaultUri}secrets/${mailPasswordSecretName}'

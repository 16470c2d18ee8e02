// App Service Authentication (Easy Auth, authsettingsV2) in front of the function app: no HTTP
// endpoint is anonymous. Editors sign in with Entra ID in the browser; automation calls with an
// Entra token for its own service principal AND a function key, since every HTTP function is
// AuthorizationLevel.Function behind this gate. Timer and queue triggers do not go through HTTP
// and are unaffected.

param functionAppName string

@description('Client id of the Entra ID app registration. Empty keeps authentication required with no provider: every request gets 401 until it is set (fail closed).')
param clientId string = ''

@description('Client ids of other applications (automation service principals) allowed to call the API; empty allows any application in the tenant holding a token for this audience.')
param allowedClientApplications array = []

var providerEnabled = !empty(clientId)

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      // Browsers are sent to the Entra sign-in page; API clients sending X-Requested-With or
      // a bearer token get 401 instead of a redirect. With no provider there is nowhere to
      // redirect to, so the gate just refuses.
      unauthenticatedClientAction: providerEnabled ? 'RedirectToLoginPage' : 'Return401'
      redirectToProvider: providerEnabled ? 'azureactivedirectory' : null
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: providerEnabled
        registration: {
          clientId: providerEnabled ? clientId : null
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: providerEnabled
            ? [
                clientId
                'api://${clientId}'
              ]
            : []
          // Omitted rather than an empty list when unrestricted, so an empty list is never read as "nobody".
          defaultAuthorizationPolicy: empty(allowedClientApplications)
            ? null
            : {
                allowedApplications: allowedClientApplications
              }
        }
      }
    }
    login: {
      // Flex Consumption has no persistent file system for a token store, and the app never
      // calls downstream APIs on the user's behalf.
      tokenStore: {
        enabled: false
      }
    }
  }
}

output providerEnabled bool = providerEnabled

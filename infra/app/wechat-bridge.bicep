// Optional WeChat feed bridge (issue 17): a Container App serving RSS for the WeChat accounts the bulletin follows.
// Deployed only when main.bicep's deployWechatBridge is true. See docs/wechat-bridges.md for which image, the routes
// to put in config/sources.json, and what it costs.

@description('Container Apps environment name.')
param environmentName string

@description('Container app name.')
param appName string

param location string
param tags object = {}

@description('Image of the bridge, e.g. diygod/rsshub:latest (stateless) or ghcr.io/rachelos/we-mp-rss:latest (needs its login and a volume).')
param image string

@description('Port the image listens on: 1200 for RSSHub, 8001 for WeRSS.')
param targetPort int

@description('Environment variables for the bridge, as [{ name, value }] (e.g. ACCESS_KEY for RSSHub).')
param env array = []

resource containerEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

resource bridge 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: tags
  properties: {
    environmentId: containerEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      ingress: {
        external: true
        targetPort: targetPort
        transport: 'auto'
        allowInsecure: false
      }
    }
    template: {
      containers: [
        {
          name: 'bridge'
          image: image
          env: env
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
        }
      ]
      scale: {
        // Scale to zero between polls: the app is billed only while it answers.
        minReplicas: 0
        maxReplicas: 1
      }
    }
  }
}

@description('The bridge\'s https base URL; feed URLs are this plus the route (docs/wechat-bridges.md).')
output uri string = 'https://${bridge.properties.configuration.ingress.fqdn}'

// Log Analytics + workspace-based Application Insights. Local (instrumentation key) auth is off:
// the app sends telemetry with its identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), which
// needs the Monitoring Metrics Publisher role granted in rbac.bicep.

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object = {}

@description('Days of logs kept; 30 is included in the ingestion price.')
param retentionInDays int = 30

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Instrumentation keys alone cannot write telemetry; only Entra-authenticated senders can.
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name

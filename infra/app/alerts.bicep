// Operator alerts on the app's own metrics (exported to Application Insights by OpenTelemetry, so they land in
// customMetrics): nothing stored for two days means the pipeline or every source is broken; any poisoned message
// is a failure no retry fixed. Both mail the editors through one action group.

param applicationInsightsName string
param location string
param tags object = {}

@description('Comma-separated addresses that receive the alerts.')
param alertsTo string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource editors 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-healthit-editors-${uniqueString(applicationInsights.id)}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'healthit'
    enabled: true
    emailReceivers: [
      for (address, i) in split(alertsTo, ','): {
        name: 'editor-${i}'
        emailAddress: trim(address)
        useCommonAlertSchema: true
      }
    ]
  }
}

resource noArticleStored 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-no-article-stored-${uniqueString(applicationInsights.id)}'
  location: location
  tags: tags
  properties: {
    displayName: 'HealthIt: no article stored for two days'
    description: 'healthit.articles.stored did not grow in two days: every source or the ingest is failing.'
    severity: 2
    enabled: true
    scopes: [applicationInsights.id]
    // Two days is the longest window a log alert takes.
    windowSize: 'P2D'
    evaluationFrequency: 'PT6H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "healthit.articles.stored" | where valueSum > 0'
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [editors.id]
    }
  }
}

resource poisonGrowing 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-poison-growing-${uniqueString(applicationInsights.id)}'
  location: location
  tags: tags
  properties: {
    displayName: 'HealthIt: messages poisoned'
    description: 'healthit.messages.poisoned grew: a message failed every retry or was malformed (healthit poison list).'
    severity: 3
    enabled: true
    scopes: [applicationInsights.id]
    windowSize: 'PT1H'
    evaluationFrequency: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "healthit.messages.poisoned" | summarize poisoned = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'poisoned'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [editors.id]
    }
  }
}

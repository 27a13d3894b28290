// Event Grid system topic for the storage account. Flex Consumption runs blob triggers only from Event Grid, so
// this topic is what turns an upload into a function call (the subscription is in blob-event-subscription.bicep).

@description('System topic name.')
param name string

@description('Azure region; must be the storage account\'s region.')
param location string

@description('Tags applied to the topic.')
param tags object

@description('Storage account whose events the topic publishes.')
param storageAccountName string

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output id string = systemTopic.id
output name string = systemTopic.name

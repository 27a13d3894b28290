// Event Grid subscription delivering BlobCreated events of the input container to the blob trigger's webhook.
//
// Deployed only after the code: Event Grid validates a webhook when the subscription is created, and the
// Functions host answers that handshake (and has a blobs_extension system key) only once the app with its
// Event Grid-sourced blob trigger is running. main.bicep includes this module when createEventSubscription is
// true; infra/hooks/postdeploy.sh deploys this file on its own after `azd deploy`.

@description('Function App hosting the blob trigger.')
param functionAppName string

@description('Event Grid system topic of the storage account.')
param systemTopicName string

@description('Container whose new blobs start imports.')
param inputContainerName string = 'zuora-imports'

@description('Name of the Event Grid-sourced blob trigger function.')
param blobTriggerFunctionName string = 'ImportOnBlobCreated'

@description('Event subscription name.')
param eventSubscriptionName string = 'zuora-imports-blob-created'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

// The blob extension's system key authorises Event Grid's calls to the webhook.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2023-12-01').systemKeys.blobs_extension

var webhookPath = '/runtime/webhooks/blobs?functionName=Host.Functions.${blobTriggerFunctionName}'

var webhookUrl = 'https://${functionApp.properties.defaultHostName}${webhookPath}&code=${blobsExtensionKey}'

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: eventSubscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
        // One event per request keeps a slow import from delaying the others in a batch.
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${inputContainerName}/blobs/'
      enableAdvancedFilteringOnArrays: true
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name

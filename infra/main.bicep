// ZuoraJobFlows on Azure: a .NET 10 isolated Function App on Flex Consumption, reached through Event Grid for
// blob uploads and HTTP for the API, using one user-assigned identity for storage, Key Vault and telemetry.
// `azd up` deploys this file at subscription scope; see the README "Deploy" section.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the unique resource names and the resource group name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty means rg-{environmentName}.')
param resourceGroupName string = ''

@description('Tags added to every resource (azd-env-name is always added).')
param tags object = {}

@description('Zuora REST base URL, e.g. https://rest.apisandbox.zuora.com or https://rest.zuora.com.')
param zuoraBaseUrl string

@description('Zuora OAuth client id.')
param zuoraClientId string

@secure()
@description('Zuora OAuth client secret; stored only in Key Vault.')
param zuoraClientSecret string

@description('Optional Zuora entity ids sent as the Zuora-Entity-Ids header (multi-entity tenants).')
param zuoraEntityIds string = ''

@description('Name of the Event Grid-sourced blob trigger function in the app.')
param blobTriggerFunctionName string = 'ImportOnBlobCreated'

@description('Create the Event Grid subscription; only once the code is deployed (the webhook must answer).')
param createEventSubscription bool = false

@description('Turn on Key Vault purge protection (irreversible; blocks `azd down --purge` of the vault).')
param enableKeyVaultPurgeProtection bool = false

@description('Optional: object id of the person deploying; gets blob upload and Key Vault secret rights.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Upper bound on Function App instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var allTags = union(tags, { 'azd-env-name': environmentName })
var inputContainerName = 'zuora-imports'
var outputContainerName = 'zuora-results'
var deploymentContainerName = 'app-package-${resourceToken}'
var functionAppName = 'func-zjf-${resourceToken}'
var systemTopicName = 'evgt-zjf-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: allTags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-zjf-${resourceToken}'
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stzjf${resourceToken}'
    location: location
    tags: allTags
    containerNames: [
      inputContainerName
      outputContainerName
      deploymentContainerName
    ]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-zjf-${resourceToken}'
    applicationInsightsName: 'appi-zjf-${resourceToken}'
    location: location
    tags: allTags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kv-zjf-${resourceToken}'
    location: location
    tags: allTags
    enablePurgeProtection: enableKeyVaultPurgeProtection
    zuoraClientSecret: zuoraClientSecret
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-zjf-${resourceToken}'
    location: location
    tags: allTags
    azdServiceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    zuoraClientSecretUri: keyVault.outputs.zuoraClientSecretUri
    zuoraBaseUrl: zuoraBaseUrl
    zuoraClientId: zuoraClientId
    zuoraEntityIds: zuoraEntityIds
    inputContainerName: inputContainerName
    outputContainerName: outputContainerName
    maximumInstanceCount: maximumInstanceCount
  }
  // The host reads storage and the Key Vault reference at its first start; the roles must exist by then.
  dependsOn: [
    roles
  ]
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  scope: rg
  params: {
    name: systemTopicName
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
  }
}

module blobEvents 'modules/blob-event-subscription.bicep' = if (createEventSubscription) {
  name: 'blob-event-subscription'
  scope: rg
  params: {
    functionAppName: functionApp.outputs.name
    systemTopicName: eventGridTopic.outputs.name
    inputContainerName: inputContainerName
    blobTriggerFunctionName: blobTriggerFunctionName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output ZJF_INPUT_CONTAINER string = inputContainerName
output ZJF_OUTPUT_CONTAINER string = outputContainerName
output ZJF_DEPLOYMENT_CONTAINER string = deploymentContainerName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output ZJF_EVENT_GRID_SYSTEM_TOPIC string = eventGridTopic.outputs.name
output ZJF_BLOB_TRIGGER_FUNCTION string = blobTriggerFunctionName

// Flex Consumption (FC1) plan and the .NET 10 isolated Function App. Storage, Key Vault and Application Insights
// are all reached with the user-assigned identity: the app settings hold no keys or secrets.

@description('Function App name; also the default host name prefix.')
param name string

@description('App Service plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan and the app (the app also gets azd-service-name).')
param tags object

@description('Service name in azure.yaml; azd finds the app by this tag.')
param azdServiceName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob service endpoint of the storage account, ending with a slash.')
param blobEndpoint string

@description('Queue service endpoint of the storage account.')
param queueEndpoint string

@description('Table service endpoint of the storage account.')
param tableEndpoint string

@description('Container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Application Insights connection string (holds no key: local auth is disabled).')
param applicationInsightsConnectionString string

@description('Version-less URI of the Key Vault secret holding the Zuora client secret.')
param zuoraClientSecretUri string

@description('Zuora REST base URL, e.g. https://rest.apisandbox.zuora.com.')
param zuoraBaseUrl string

@description('Zuora OAuth client id.')
param zuoraClientId string

@description('Optional Zuora entity ids (Zuora-Entity-Ids header); empty leaves the setting out.')
param zuoraEntityIds string = ''

@description('Container watched for CSV files.')
param inputContainerName string

@description('Container results are written to.')
param outputContainerName string

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on instances; Zuora allows 5 concurrent bulk jobs per tenant, so many are not needed.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var baseSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  // Lets Azure.Identity credentials in the worker (e.g. the OpenTelemetry exporter) pick the right identity.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Zuora__BaseUrl: zuoraBaseUrl
  Zuora__ClientId: zuoraClientId
  Zuora__ClientSecret: '@Microsoft.KeyVault(SecretUri=${zuoraClientSecretUri})'
  Imports__InputContainer: inputContainerName
  Imports__OutputContainer: outputContainerName
}

var entitySettings = empty(zuoraEntityIds) ? {} : { Zuora__EntityIds: zuoraEntityIds }

var appSettings = union(baseSettings, entitySettings)

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with this identity instead of a system-assigned one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(appSettings): { name: setting.key, value: setting.value }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output id string = functionApp.id
output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output url string = 'https://${functionApp.properties.defaultHostName}'

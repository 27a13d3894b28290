// Key Vault with RBAC authorization holding the Zuora OAuth client secret. The Function App reads it through a
// Key Vault reference resolved with its user-assigned identity; nobody needs an access policy.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

@description('Purge protection cannot be turned off again and blocks `azd down --purge`; recommended for production.')
param enablePurgeProtection bool = false

@description('Name of the secret holding the Zuora client secret.')
param zuoraClientSecretName string = 'zuora-client-secret'

@secure()
@description('The Zuora OAuth client secret.')
param zuoraClientSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service refuses an explicit false; leaving the property out means "off".
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource zuoraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: zuoraClientSecretName
  properties: {
    value: zuoraClientSecret
    contentType: 'Zuora OAuth client secret'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
// The version-less URI, so a rotated secret is picked up without changing the app setting.
output zuoraClientSecretUri string = zuoraSecret.properties.secretUri

# azd postdeploy hook (Windows): same steps as postdeploy.sh; see the comments there.
$ErrorActionPreference = 'Stop'

if ($env:ZJF_CREATE_EVENT_SUBSCRIPTION -eq 'true') {
  Write-Host 'Event Grid subscription is declared by main.bicep (ZJF_CREATE_EVENT_SUBSCRIPTION=true); nothing to do.'
  exit 0
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  Write-Error ("the Azure CLI (az) is needed to create the Event Grid subscription; install it, run 'az login', " +
    'then run: azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true; azd provision')
}

$attempts = 6
for ($attempt = 1; $attempt -le $attempts; $attempt++) {
  az deployment group create `
    --subscription $env:AZURE_SUBSCRIPTION_ID `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name 'zjf-blob-event-subscription' `
    --template-file 'infra/modules/blob-event-subscription.bicep' `
    --parameters "functionAppName=$($env:AZURE_FUNCTION_APP_NAME)" `
      "systemTopicName=$($env:ZJF_EVENT_GRID_SYSTEM_TOPIC)" `
      "inputContainerName=$($env:ZJF_INPUT_CONTAINER)" `
      "blobTriggerFunctionName=$($env:ZJF_BLOB_TRIGGER_FUNCTION)" `
    --only-show-errors --output none
  if ($LASTEXITCODE -eq 0) {
    azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true
    Write-Host "Event Grid subscription created: uploads to $($env:ZJF_INPUT_CONTAINER) now start imports."
    exit 0
  }
  if ($attempt -lt $attempts) {
    Write-Host "Event Grid subscription not created yet (attempt $attempt of $attempts); retrying in 30 s..."
    Start-Sleep -Seconds 30
  }
}

Write-Error ("the Event Grid subscription could not be created after $attempts attempts. Check that the app " +
  'runs, then: azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true; azd provision')

#!/bin/sh
# azd postdeploy hook: creates the Event Grid subscription that delivers blob-created events to the blob trigger.
# It cannot be part of the first provision: Event Grid validates the webhook when the subscription is created,
# and only the deployed app answers that handshake (and owns the blobs_extension key the URL carries).
# After it succeeds it sets ZJF_CREATE_EVENT_SUBSCRIPTION=true, so every later `azd provision` keeps the
# subscription declared in main.bicep.
set -eu

if [ "${ZJF_CREATE_EVENT_SUBSCRIPTION:-false}" = "true" ]; then
  echo "Event Grid subscription is declared by main.bicep (ZJF_CREATE_EVENT_SUBSCRIPTION=true); nothing to do."
  exit 0
fi

if ! command -v az >/dev/null 2>&1; then
  echo "error: the Azure CLI (az) is needed to create the Event Grid subscription; install it, run 'az login'," >&2
  echo "       then run: azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true && azd provision" >&2
  exit 1
fi

template="infra/modules/blob-event-subscription.bicep"
attempts=6
attempt=1
# The first calls after a deployment can meet a cold host (no key yet, or a slow validation answer): retry.
until az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "zjf-blob-event-subscription" \
  --template-file "$template" \
  --parameters \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    systemTopicName="$ZJF_EVENT_GRID_SYSTEM_TOPIC" \
    inputContainerName="$ZJF_INPUT_CONTAINER" \
    blobTriggerFunctionName="$ZJF_BLOB_TRIGGER_FUNCTION" \
  --only-show-errors --output none; do
  if [ "$attempt" -ge "$attempts" ]; then
    echo "error: the Event Grid subscription could not be created after $attempts attempts." >&2
    echo "       Check that the app runs (Log stream), then: azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true" >&2
    echo "       && azd provision" >&2
    exit 1
  fi
  echo "Event Grid subscription not created yet (attempt $attempt of $attempts); retrying in 30 s..."
  attempt=$((attempt + 1))
  sleep 30
done

azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true
echo "Event Grid subscription created: uploads to $ZJF_INPUT_CONTAINER now start imports."

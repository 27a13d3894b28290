#!/usr/bin/env bash
# Builds and lints the Bicep under infra/ offline with the Bicep CLI from NuGet, failing on any warning or error,
# then reads the compiled ARM JSON and checks that every piece the deployment promises is declared.
# Prints one "ok ..." line per passed check (test.sh counts them); exits non-zero on any problem.
# ZJF_BICEP=/path/to/bicep skips the NuGet restore (e.g. on a machine that is not linux-x64).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

package_id="Azure.Bicep.CommandLine.linux-x64"
version=$(sed -n "s/.*Include=\"$package_id\" Version=\"\([^\"]*\)\".*/\1/p" Directory.Packages.props)
if [ -z "$version" ]; then
  echo "error: no PackageVersion for $package_id in Directory.Packages.props" >&2
  exit 2
fi

bicep="${ZJF_BICEP:-}"
if [ -z "$bicep" ]; then
  packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  bicep="$packages/$(tr '[:upper:]' '[:lower:]' <<<"$package_id")/$version/tools/bicep"
  if [ ! -f "$bicep" ]; then
    # A restore-only project outside the solution, so the solution itself is never touched.
    if ! restore_log=$(dotnet restore tools/bicep/Bicep.Tool.proj -nologo -v quiet 2>&1); then
      echo "$restore_log" >&2
      echo "error: could not restore $package_id $version" >&2
      exit 2
    fi
  fi
  if [ ! -f "$bicep" ]; then
    echo "error: $bicep not found after restore" >&2
    exit 2
  fi
  chmod +x "$bicep"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
problems=0

# Runs a bicep command; any diagnostic line (warning or error) or a failed exit counts as a problem.
run_bicep() {
  local label=$1
  shift
  local output status=0
  output=$("$bicep" "$@" 2>&1) || status=$?
  if [ "$status" -ne 0 ] || grep -qE ': (Warning|Error) ' <<<"$output"; then
    echo "FAIL $label (exit $status)"
    [ -n "$output" ] && sed 's/^/    /' <<<"$output"
    problems=$((problems + 1))
    return 1
  fi
  echo "ok $label"
}

# Entry files: what azd deploys, plus the subscription module the postdeploy hook deploys on its own.
entries=(infra/*.bicep infra/modules/blob-event-subscription.bicep)
for file in "${entries[@]}"; do
  name="${file#infra/}"
  mkdir -p "$out/$(dirname "$name")"
  run_bicep "build $name" build "$file" --outfile "$out/${name%.bicep}.json" || true
done
for file in infra/*.bicep infra/modules/*.bicep; do
  run_bicep "lint ${file#infra/}" lint "$file" || true
done

if grep -nE "^\s*module\s+\w+\s+'(br:|br/|ts:|ts/)" infra/*.bicep infra/modules/*.bicep; then
  echo "FAIL no registry modules: only local modules work offline"
  problems=$((problems + 1))
else
  echo "ok no registry modules"
fi

# azure.yaml: the azd service and infra the README describes.
yaml_missing=()
for line in "api:" "project: ./src/ZuoraJobFlows.Functions" "language: dotnet" "host: function" "provider: bicep" \
  "path: infra" "module: main" "postdeploy:" "run: ./infra/hooks/postdeploy.sh"; do
  grep -qF "$line" azure.yaml || yaml_missing+=("$line")
done
if [ "${#yaml_missing[@]}" -eq 0 ] && [ -x infra/hooks/postdeploy.sh ] && [ -d src/ZuoraJobFlows.Functions ]; then
  echo "ok azure.yaml service api (dotnet function) with infra/main.bicep and the postdeploy hook"
else
  echo "FAIL azure.yaml: missing ${yaml_missing[*]:-nothing}, or hook not executable"
  problems=$((problems + 1))
fi

# The postdeploy hook, run against stub az and azd that record their arguments.
stubs="$out/stubs"
mkdir -p "$stubs"
printf '#!/bin/sh\necho "az $*" >>"%s/calls"\n' "$stubs" >"$stubs/az"
printf '#!/bin/sh\necho "azd $*" >>"%s/calls"\n' "$stubs" >"$stubs/azd"
chmod +x "$stubs/az" "$stubs/azd"
hook_env=(PATH="$stubs:$PATH" AZURE_SUBSCRIPTION_ID=sub AZURE_RESOURCE_GROUP=rg-test AZURE_FUNCTION_APP_NAME=func-test
  ZJF_EVENT_GRID_SYSTEM_TOPIC=evgt-test ZJF_INPUT_CONTAINER=zuora-imports ZJF_BLOB_TRIGGER_FUNCTION=ImportOnBlobCreated)
if env "${hook_env[@]}" ZJF_CREATE_EVENT_SUBSCRIPTION=false sh infra/hooks/postdeploy.sh >/dev/null \
  && grep -q "az deployment group create .*--resource-group rg-test .*--template-file \
infra/modules/blob-event-subscription.bicep .*functionAppName=func-test systemTopicName=evgt-test \
inputContainerName=zuora-imports blobTriggerFunctionName=ImportOnBlobCreated" "$stubs/calls" \
  && grep -q "azd env set ZJF_CREATE_EVENT_SUBSCRIPTION true" "$stubs/calls"; then
  echo "ok hook deploys the event subscription module and sets ZJF_CREATE_EVENT_SUBSCRIPTION"
else
  echo "FAIL hook: expected az deployment group create and azd env set; calls were:"
  sed 's/^/    /' "$stubs/calls" 2>/dev/null || true
  problems=$((problems + 1))
fi
rm -f "$stubs/calls"
if env "${hook_env[@]}" ZJF_CREATE_EVENT_SUBSCRIPTION=true sh infra/hooks/postdeploy.sh >/dev/null \
  && [ ! -s "$stubs/calls" ]; then
  echo "ok hook does nothing once main.bicep declares the subscription"
else
  echo "FAIL hook: ran commands although ZJF_CREATE_EVENT_SUBSCRIPTION=true"
  problems=$((problems + 1))
fi

if [ ! -f "$out/main.json" ] || [ ! -f "$out/modules/blob-event-subscription.json" ]; then
  echo "FAIL arm checks: compiled templates missing"
  exit 1
fi

if ! python3 - "$out/main.json" "$out/modules/blob-event-subscription.json" infra/main.parameters.json <<'PY'
import json
import re
import sys

main = json.load(open(sys.argv[1]))
standalone_subscription = json.load(open(sys.argv[2]))
parameters_file = json.load(open(sys.argv[3]))
failures = 0


def check(what, condition, detail=""):
    global failures
    if condition:
        print(f"ok arm {what}")
    else:
        failures += 1
        print(f"FAIL arm {what}" + (f": {detail}" if detail else ""))


def resources(template):
    items = template.get("resources", [])
    return list(items.values()) if isinstance(items, dict) else list(items)


def of_type(template, resource_type):
    return [r for r in resources(template) if r.get("type", "").lower() == resource_type.lower()]


def module(name):
    found = [r for r in of_type(main, "Microsoft.Resources/deployments") if r.get("name") == name]
    return found[0] if found else {"properties": {"template": {}, "parameters": {}}}


def template_of(name):
    return module(name)["properties"]["template"]


def module_param(name, param):
    return module(name)["properties"]["parameters"].get(param, {}).get("value")


def one(template, resource_type):
    found = of_type(template, resource_type)
    return found[0] if found else {}


def resolve_roles(template, expression):
    """Role definition GUIDs an expression such as variables('roles').x or variables('list')[copyIndex()] names."""
    variables = template.get("variables", {})
    guids = re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", expression)
    for match in re.finditer(r"variables\('(\w+)'\)(?:\.(\w+))?", expression):
        value = variables.get(match.group(1))
        if match.group(2):
            value = value.get(match.group(2)) if isinstance(value, dict) else None
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.startswith("["):
                guids += resolve_roles(template, item)
            elif isinstance(item, str):
                guids += re.findall(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", item)
    return guids


def with_variables(template, expression):
    """The expression followed by the values of the variables it uses, for substring checks."""
    variables = template.get("variables", {})
    used = re.findall(r"variables\('(\w+)'\)", expression)
    return " ".join([expression] + [str(variables.get(name, "")) for name in used])


# Flex Consumption plan and the app.
app_template = template_of("function-app")
plan = one(app_template, "Microsoft.Web/serverfarms")
check("flex consumption plan sku FC1",
      plan.get("sku", {}).get("name") == "FC1" and plan.get("sku", {}).get("tier") == "FlexConsumption"
      and plan.get("properties", {}).get("reserved") is True, plan.get("sku"))

site = one(app_template, "Microsoft.Web/sites")
site_properties = site.get("properties", {})
config = site_properties.get("functionAppConfig", {})
runtime = config.get("runtime", {})
check("functionAppConfig runtime dotnet-isolated 10.0",
      runtime.get("name") == "dotnet-isolated" and runtime.get("version") == "10.0", runtime)

storage_config = config.get("deployment", {}).get("storage", {})
authentication = storage_config.get("authentication", {})
check("deployment storage blob container with user-assigned identity",
      storage_config.get("type") == "blobContainer"
      and "deploymentContainerName" in storage_config.get("value", "")
      and authentication.get("type") == "UserAssignedIdentity"
      and "identityId" in authentication.get("userAssignedIdentityResourceId", ""), storage_config)

scale = config.get("scaleAndConcurrency", {})
check("scaleAndConcurrency memory and instance limit",
      "instanceMemoryMB" in scale and "maximumInstanceCount" in scale, scale)

identity_template = template_of("identity")
identity = site.get("identity", {})
check("user-assigned managed identity on the app",
      bool(of_type(identity_template, "Microsoft.ManagedIdentity/userAssignedIdentities"))
      and identity.get("type") == "UserAssigned" and len(identity.get("userAssignedIdentities", {})) == 1
      and "identity" in str(module_param("function-app", "identityId")), identity)

check("keyVaultReferenceIdentity is the user-assigned identity",
      "identityId" in site_properties.get("keyVaultReferenceIdentity", ""),
      site_properties.get("keyVaultReferenceIdentity"))

check("https only", site_properties.get("httpsOnly") is True)

check("app tagged azd-service-name api",
      "azd-service-name" in site.get("tags", "") and module_param("function-app", "azdServiceName") == "api",
      site.get("tags"))

resource_group = one(main, "Microsoft.Resources/resourceGroups")
check("resource group tagged azd-env-name", "azd-env-name" in json.dumps(main.get("variables", {}))
      and "allTags" in str(resource_group.get("tags")), resource_group.get("tags"))

# App settings.
app_variables = app_template.get("variables", {})
settings = dict(app_variables.get("baseSettings", {}))
copies = site_properties.get("siteConfig", {}).get("copy", [])
check("app settings come from the settings object",
      any(c.get("name") == "appSettings" and "variables('appSettings')" in c.get("count", "") for c in copies)
      and "baseSettings" in app_variables.get("appSettings", ""), copies)

check("identity-based AzureWebJobsStorage settings",
      settings.get("AzureWebJobsStorage__credential") == "managedidentity"
      and all(f"AzureWebJobsStorage__{k}" in settings
              for k in ("clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri"))
      and "AzureWebJobsStorage" not in settings
      and "accountkey" not in json.dumps(app_template).lower(), sorted(settings))

secret_setting = settings.get("Zuora__ClientSecret", "")
check("key vault reference in app settings",
      secret_setting.startswith("[format('@Microsoft.KeyVault(SecretUri={0})'")
      and "zuoraClientSecretUri" in secret_setting
      and "key-vault" in str(module_param("function-app", "zuoraClientSecretUri")), secret_setting)

check("zuora and imports app settings",
      all(k in settings for k in ("Zuora__BaseUrl", "Zuora__ClientId", "Imports__InputContainer",
                                  "Imports__OutputContainer"))
      and "Zuora__EntityIds" in app_variables.get("entitySettings", ""), sorted(settings))

check("application insights settings with Entra ID authentication",
      "APPLICATIONINSIGHTS_CONNECTION_STRING" in settings
      and "Authorization=AAD" in settings.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "")
      and "ClientId=" in settings.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", ""))

# Storage.
storage_template = template_of("storage")
account = one(storage_template, "Microsoft.Storage/storageAccounts").get("properties", {})
check("storage allowSharedKeyAccess false", account.get("allowSharedKeyAccess") is False, account)
check("storage minimumTlsVersion TLS1_2 and https only",
      account.get("minimumTlsVersion") == "TLS1_2" and account.get("supportsHttpsTrafficOnly") is True)
check("storage no public blob access", account.get("allowBlobPublicAccess") is False)

main_variables = main.get("variables", {})
container_values = []
for value in module_param("storage", "containerNames") or []:
    reference = re.fullmatch(r"\[variables\('(\w+)'\)\]", value)
    container_values.append(main_variables.get(reference.group(1), value) if reference else value)
containers = of_type(storage_template, "Microsoft.Storage/storageAccounts/blobServices/containers")
check("containers zuora-imports, zuora-results and the deployment package",
      "zuora-imports" in container_values and "zuora-results" in container_values
      and any(v.startswith("[format('app-package-") for v in container_values)
      and bool(containers) and "containerNames" in json.dumps(containers[0].get("copy", {}))
      and containers[0].get("properties", {}).get("publicAccess") == "None", container_values)

check("app settings use the containers",
      module_param("function-app", "inputContainerName") == "[variables('inputContainerName')]"
      and module_param("function-app", "outputContainerName") == "[variables('outputContainerName')]"
      and module_param("function-app", "deploymentContainerName") == "[variables('deploymentContainerName')]")

# Role assignments for the app's identity.
roles_template = template_of("role-assignments")
assignments = of_type(roles_template, "Microsoft.Authorization/roleAssignments")
expected_roles = [
    ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts"),
    ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts"),
    ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts"),
    ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components"),
    ("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults"),
]
for role_name, guid, scope_type in expected_roles:
    granted = [a for a in assignments
               if guid in resolve_roles(roles_template, a.get("properties", {}).get("roleDefinitionId", ""))
               and a.get("properties", {}).get("principalId") == "[parameters('appPrincipalId')]"
               and scope_type in a.get("scope", "")
               and "condition" not in a]
    check(f"role {role_name} ({guid}) for the app identity on {scope_type.split('/')[-1]}", len(granted) == 1)
check("role assignments use the app identity's principal id",
      "principalId" in str(module_param("role-assignments", "appPrincipalId"))
      and "identity" in str(module_param("role-assignments", "appPrincipalId")))

# Key Vault.
vault_template = template_of("key-vault")
vault = one(vault_template, "Microsoft.KeyVault/vaults").get("properties", {})
check("key vault RBAC authorization and soft delete",
      vault.get("enableRbacAuthorization") is True and vault.get("enableSoftDelete") is True, vault)
check("key vault purge protection parameterised",
      "enablePurgeProtection" in str(vault.get("enablePurgeProtection"))
      and "enableKeyVaultPurgeProtection" in str(module_param("key-vault", "enablePurgeProtection")))
secret = one(vault_template, "Microsoft.KeyVault/vaults/secrets")
check("zuora client secret stored from a secure parameter",
      secret.get("properties", {}).get("value") == "[parameters('zuoraClientSecret')]"
      and vault_template.get("parameters", {}).get("zuoraClientSecret", {}).get("type") == "securestring"
      and main.get("parameters", {}).get("zuoraClientSecret", {}).get("type") == "securestring")
exposed = [name for template in (main, vault_template) for name, output in template.get("outputs", {}).items()
           if re.search(r"parameters\('zuoraClientSecret'\)|listSecrets", str(output.get("value")))
           or ("vaults/secrets" in str(output.get("value")) and "secretUri" not in str(output.get("value")))]
check("no output exposes the secret", not exposed, exposed)

# Monitoring.
monitoring_template = template_of("monitoring")
insights = one(monitoring_template, "Microsoft.Insights/components").get("properties", {})
check("application insights DisableLocalAuth true", insights.get("DisableLocalAuth") is True, insights)
check("application insights on a log analytics workspace",
      bool(of_type(monitoring_template, "Microsoft.OperationalInsights/workspaces"))
      and "Microsoft.OperationalInsights/workspaces" in insights.get("WorkspaceResourceId", ""))

# Event Grid.
topic = one(template_of("event-grid-topic"), "Microsoft.EventGrid/systemTopics").get("properties", {})
check("event grid system topic on the storage account",
      topic.get("topicType") == "Microsoft.Storage.StorageAccounts"
      and "Microsoft.Storage/storageAccounts" in topic.get("source", ""), topic)


def check_subscription(label, template):
    subscription = one(template, "Microsoft.EventGrid/systemTopics/eventSubscriptions").get("properties", {})
    filters = subscription.get("filter", {})
    destination = subscription.get("destination", {})
    url = with_variables(template, destination.get("properties", {}).get("endpointUrl", ""))
    check(f"{label} event subscription filtered to BlobCreated in the input container",
          filters.get("includedEventTypes") == ["Microsoft.Storage.BlobCreated"]
          and "/blobServices/default/containers/{0}/blobs/" in filters.get("subjectBeginsWith", "")
          and "inputContainerName" in filters.get("subjectBeginsWith", ""), filters)
    check(f"{label} webhook to the blob extension with its system key",
          destination.get("endpointType") == "WebHook"
          and "/runtime/webhooks/blobs?functionName=Host.Functions.{" in url
          and "listKeys(" in url and "/host/default" in url and "systemKeys.blobs_extension" in url
          and "blobTriggerFunctionName" in url, url)
    default_name = template.get("parameters", {}).get("blobTriggerFunctionName", {}).get("defaultValue")
    check(f"{label} blob trigger function name defaults to ImportOnBlobCreated",
          default_name == "ImportOnBlobCreated", default_name)


check_subscription("main", template_of("blob-event-subscription"))
check_subscription("standalone", standalone_subscription)
condition = module("blob-event-subscription").get("condition", "")
check("event subscription created only when createEventSubscription is set",
      "createEventSubscription" in condition
      and main.get("parameters", {}).get("createEventSubscription", {}).get("defaultValue") is False, condition)

# Parameters and outputs.
main_parameters = main.get("parameters", {})
required_parameters = ["location", "environmentName", "zuoraBaseUrl", "zuoraClientId", "zuoraClientSecret",
                       "zuoraEntityIds", "tags"]
check("parameters " + ", ".join(required_parameters), all(p in main_parameters for p in required_parameters)
      and main_parameters["zuoraEntityIds"].get("defaultValue") == "")
unknown = sorted(set(parameters_file.get("parameters", {})) - set(main_parameters))
check("main.parameters.json names only parameters main.bicep declares", not unknown, unknown)
outputs = main.get("outputs", {})
required_outputs = ["AZURE_FUNCTION_APP_NAME", "SERVICE_API_URI", "AZURE_STORAGE_ACCOUNT_NAME",
                    "ZJF_INPUT_CONTAINER", "ZJF_OUTPUT_CONTAINER", "AZURE_KEY_VAULT_NAME",
                    "AZURE_IDENTITY_CLIENT_ID", "AZURE_RESOURCE_GROUP", "ZJF_EVENT_GRID_SYSTEM_TOPIC"]
missing = [o for o in required_outputs if o not in outputs]
check("outputs app name, url, storage, containers, key vault, identity client id", not missing, missing)

sys.exit(1 if failures else 0)
PY
then
  problems=$((problems + 1))
fi

if [ "$problems" -ne 0 ]; then
  echo "$problems problem(s) in the Bicep checks"
  exit 1
fi

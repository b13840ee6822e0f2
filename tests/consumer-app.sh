# consumer-app.sh: sourced by the package consumer checks (tests/*Consumer/run.sh). build_consumer_app PROJECT_DIR WORK
# VERSION PACKAGE...: packs the given src/ libraries at VERSION into WORK/feed, copies PROJECT_DIR's .csproj and
# Program.cs to WORK/app (outside the repository, so its Directory.*.props do not apply), points NuGet at the feed,
# builds the app (Release) and writes its package graph to WORK/packages.txt. Needs $repo. Leaves the shell in WORK/app.
build_consumer_app() {
  local project_dir=$1 work=$2 version=$3
  shift 3
  for package in "$@"; do
    dotnet pack "$repo/src/$package" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
  done
  mkdir -p "$work/app"
  cp "$project_dir"/*.csproj "$project_dir/Program.cs" "$work/app/"
  cat > "$work/app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
  echo "<Project><PropertyGroup><DcganVersion>$version</DcganVersion></PropertyGroup></Project>" > "$work/app/Directory.Build.props"
  cd "$work/app"
  dotnet build -c Release --nologo -v q
  dotnet list package --include-transitive | tee "$work/packages.txt"
}

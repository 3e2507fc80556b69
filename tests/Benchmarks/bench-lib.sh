# Sourced by the proxy benchmarks (proxy-table.sh, facade-ab.sh): loopback ports, the backend every proxy fronts, and
# the facade as shipped. Callers define $root.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time of a process

# nginx answering every path with the same ~1 KB static JSON on 127.0.0.1:<port>, pinned to <cpus>; files in <folder>.
# worker_rlimit_nofile: all the proxies' pooled connections end here at once (the default limit is 1024 descriptors).
# Usage: start_json_backend <folder> <port> <cpus>; its pid is in $backend_pid, its document in <folder>/www/product.json.
start_json_backend() {
  local folder="$1" port="$2" cpus="$3"
  mkdir -p "$folder/www" "$folder/backend"
  printf '{"id":1,"name":"Contoso Smart Mouse","description":"A mouse.","price":19.99,"categoryId":1,"categorySlug":"computers"}' > "$folder/www/product.json"
  cat > "$folder/backend/nginx.conf" <<NGINX
worker_processes 1; worker_rlimit_nofile 16384; daemon off; pid $folder/backend/nginx.pid; error_log $folder/backend/error.log warn;
events { worker_connections 8192; }
http { access_log off; keepalive_requests 100000;
  server { listen 127.0.0.1:$port; location / { default_type application/json; root $folder/www; try_files /product.json =404; } } }
NGINX
  taskset -c "$cpus" nginx -e "$folder/backend/error.log" -p "$folder/backend" -c "$folder/backend/nginx.conf" &
  backend_pid=$!
}

# The facade as shipped (Release build, its appsettings.json as content root, Production, telemetry as configured), every
# cluster on the backend; only addresses, its own flag store and one control-plane token are given on the command line.
# Usage: start_facade <folder> <name> <public-port> <control-port> <backend-port> <cpus> <token> <role> [ENV=value ...] [-- args ...]
# Its pid is in $facade_pid, its log in <folder>/<name>.log.
start_facade() {
  local folder="$1" name="$2" public="$3" control="$4" backend="$5" cpus="$6" token="$7" role="$8"; shift 8
  local environment=() arguments=()
  while (( $# )) && [[ $1 != -- ]]; do environment+=("$1"); shift; done
  (( $# )) && { shift; arguments=("$@"); }
  taskset -c "$cpus" env ASPNETCORE_ENVIRONMENT=Production "${environment[@]}" \
    dotnet "$root/facade/Migration.Facade/bin/Release/net10.0/Migration.Facade.dll" --contentRoot "$root/facade/Migration.Facade" \
    "--Facade:PublicUrl=http://127.0.0.1:$public" "--Facade:ControlPlaneUrl=http://127.0.0.1:$control" \
    "--FlagStore:ConnectionString=Data Source=$folder/$name.db" "--FlagStore:SnapshotFile=$folder/$name.snapshot.json" \
    "--Services:legacy:http:0=http://127.0.0.1:$backend" "--Services:catalog:http:0=http://127.0.0.1:$backend" \
    "--Services:orders:http:0=http://127.0.0.1:$backend" "--ControlPlane:Tokens:0:Name=$name" "--ControlPlane:Tokens:0:Role=$role" \
    "--ControlPlane:Tokens:0:Sha256=$(printf %s "$token" | sha256sum | cut -d' ' -f1)" "${arguments[@]}" > "$folder/$name.log" 2>&1 &
  facade_pid=$!
}

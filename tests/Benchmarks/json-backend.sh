# Sourced by the proxy benchmarks: free loopback ports and the backend every proxy fronts.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

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

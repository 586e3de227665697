# bake 0.13 has no per-target network setting and the test engine has no bridge: --network=none
FROM local/busybox:1.35 AS builder
WORKDIR /src
RUN --network=none i=0; while [ $i -lt 40000 ]; do \
      echo "[$i/40000] Building CXX object src/CMakeFiles/api_server.dir/handler_$i.cpp.o"; \
      i=$((i + 1)); \
    done; echo ok > /src/server.txt

FROM local/busybox:1.35
COPY --from=builder /src/server.txt /srv/server.txt
CMD ["cat", "/srv/server.txt"]

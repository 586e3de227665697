# bake 0.13 has no per-target network setting and the test engine has no bridge: --network=none
FROM local/tools:bookworm AS builder
ENV DEBIAN_FRONTEND=noninteractive
WORKDIR /opt/trainer
RUN --network=none python3 -m compileall -f -q /usr/lib/python3.11 && echo "stdlib bytecode compiled"
RUN --network=none apt-get update \
    && apt-get install -y --no-install-recommends cuda-cupti-12-4 \
    && rm -rf /var/lib/apt/lists/*

FROM builder
CMD ["python3", "-m", "trainer"]

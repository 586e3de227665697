int rpc_probe() { return 0; }

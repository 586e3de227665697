int torch_op() { return 0; }

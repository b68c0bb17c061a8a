# Bastion: the two commands a new user needs, and a few more.
#
#   make run    set up the machine, build the node, start a dev chain on ws://127.0.0.1:9944
#   make test   set up the machine and run every test

.PHONY: run test setup build release chain-specs zombienet zombienet-test

run:
	bash scripts/run-dev.sh

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

# The dev node (fast-runtime: 10-block epochs, 3-session eras).
build: setup
	bash -c '. scripts/env.sh && build_dev_node'

# The node with production timing, in $$CARGO_TARGET_DIR/production/.
release: setup
	bash -c '. scripts/env.sh && cargo build --locked --profile production -p bastion-node'

chain-specs:
	bash scripts/chain-specs.sh

# Four local validators with zombienet (needs `make build` first).
zombienet:
	bash scripts/zombienet.sh spawn

zombienet-test:
	bash scripts/zombienet.sh test

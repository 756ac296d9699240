# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
ARGS ?=
BENCH_ARGS ?=

.PHONY: run test build release deps test-deps bench check-python clean

run: deps release
	.build/release/descent $(ARGS)

test: test-deps release
	DESCENT_BINARY=$(CURDIR)/.build/release/descent $(SWIFT) test
	python3 -m unittest discover -s Benchmarks/tests -q

release:
	$(SWIFT) build -c release --product descent

build: deps
	$(SWIFT) build

deps:
	@scripts/ensure-deps

test-deps:
	@scripts/ensure-deps --test

bench: deps release
	Benchmarks/run $(BENCH_ARGS)

# Trains a small MNIST model, then loads its checkpoint in Python with the
# safetensors package and checks it predicts what `descent predict` says.
CHECK_DIR ?= $(CURDIR)/.build/check-python
check-python: deps release
	mkdir -p $(CHECK_DIR)
	test -x Benchmarks/.venv/bin/python || python3 -m venv Benchmarks/.venv
	Benchmarks/.venv/bin/pip install -q numpy safetensors
	.build/release/descent --headless --epochs 2 --layers 64:gelu,32:tanh \
		--save $(CHECK_DIR)/mnist.ckpt > /dev/null
	.build/release/descent predict --checkpoint $(CHECK_DIR)/mnist.ckpt \
		--output $(CHECK_DIR)/predictions.csv
	Benchmarks/.venv/bin/python scripts/check_predictions.py \
		$(CHECK_DIR)/mnist.ckpt $(CHECK_DIR)/predictions.csv Resources/mnist

clean:
	rm -rf .build

# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
ARGS ?=
BENCH_ARGS ?=

.PHONY: run test build release deps test-deps bench clean

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

clean:
	rm -rf .build

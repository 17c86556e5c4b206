# StudioForecast: two commands do everything.
#   make forecast   installs GSL if missing, builds in release mode, runs the baseline scenario
#   make test       installs GSL if missing, builds, runs every test (what CI runs)

SWIFT ?= swift
SCENARIO ?= scenarios/nanchang-baseline.yaml

.PHONY: forecast test deps build benchmark clean

# GSL (libgsl-dev) and pkg-config come from Debian; install them only when missing.
deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing GSL (libgsl-dev) and pkg-config with apt-get..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgsl-dev pkg-config >/dev/null; \
	fi

forecast: deps
	$(SWIFT) build -c release --product studio-forecast
	.build/release/studio-forecast run $(SCENARIO) --force

# The command-line tests run the built tool, so build it before testing.
test: deps
	$(SWIFT) build
	$(SWIFT) test --disable-xctest

benchmark: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build out

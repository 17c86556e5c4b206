# StudioForecast: two commands do everything.
#   make forecast   installs GSL if missing, builds in release mode, runs the baseline scenario
#   make test       installs GSL, Chromium, strace and the notebook environment if missing, builds, runs every test (what CI runs)

SWIFT ?= swift
SCENARIO ?= scenarios/nanchang-baseline.yaml

.PHONY: forecast test deps browser strace notebooks build benchmark clean

# GSL (libgsl-dev) and pkg-config come from Debian; install them only when missing.
deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing GSL (libgsl-dev) and pkg-config with apt-get..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgsl-dev pkg-config >/dev/null; \
	fi

# The report's browser test needs headless Chromium and a CJK font, from Debian.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
		echo "Installing Chromium and fonts-noto-cjk with apt-get for the report's browser test..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# The output folder's fault tests send real signals at each step of a commit with strace, from Debian.
strace:
	@if ! command -v strace >/dev/null 2>&1; then \
		echo "Installing strace with apt-get for the output folder's signal tests..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq strace >/dev/null; \
	fi

# The notebook test runs the notebook headless in a virtual environment of pinned versions.
NOTEBOOK_ENV = .venv-notebooks
notebooks: $(NOTEBOOK_ENV)/.installed

$(NOTEBOOK_ENV)/.installed: notebooks-export/requirements.txt
	python3 -m venv $(NOTEBOOK_ENV)
	$(NOTEBOOK_ENV)/bin/pip install -q -r notebooks-export/requirements.txt
	touch $@

forecast: deps
	$(SWIFT) build -c release --product studio-forecast
	.build/release/studio-forecast run $(SCENARIO) --force

# The command-line tests run the built tool, so build it before testing.
test: deps browser strace notebooks
	$(SWIFT) build
	$(SWIFT) test --disable-xctest

benchmark: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build out $(NOTEBOOK_ENV)

# StudioForecast: two commands do everything.
#   make forecast   installs GSL and libxlsxwriter if missing, builds in release mode, runs the baseline scenario
#   make test       installs GSL, libxlsxwriter, Chromium, strace, LibreOffice Calc, poppler-utils and the
#                   notebook environment if missing, builds, runs every test, the example package, the
#                   documentation and a 30-second fuzz smoke of each reader of user files (what CI runs)

SWIFT ?= swift
SCENARIO ?= scenarios/nanchang-baseline.yaml

.PHONY: forecast test example docs deps browser strace office notebooks build benchmark clean fuzz fuzz-build fuzz-smoke fuzz-run

# GSL (libgsl-dev), libxlsxwriter (libxlsxwriter-dev, for the workbooks) and pkg-config come
# from Debian; install them only when missing.
deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing GSL (libgsl-dev) and pkg-config with apt-get..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgsl-dev pkg-config >/dev/null; \
	fi
	@if ! pkg-config --exists xlsxwriter 2>/dev/null; then \
		echo "Installing libxlsxwriter (libxlsxwriter-dev) with apt-get..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libxlsxwriter-dev pkg-config >/dev/null; \
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

# The workbook's print test converts it to PDF with LibreOffice Calc and reads the text back with
# pdftotext (poppler-utils), both from Debian.
office:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
		echo "Installing LibreOffice Calc and poppler-utils with apt-get for the workbook's print test..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-calc-nogui poppler-utils >/dev/null; \
	fi

# The notebook test runs the notebook headless, and the workbook test reads forecast.xlsx with
# openpyxl, in a virtual environment of pinned versions.
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
test: deps browser strace office notebooks
	$(SWIFT) build
	$(SWIFT) test --disable-xctest
	@$(MAKE) --no-print-directory example
	@$(MAKE) --no-print-directory docs
	@$(MAKE) --no-print-directory fuzz-smoke

# The library's documentation (DocC): Sources/StudioForecast/StudioForecast.docc and the doc
# comments, into .build/plugins/Swift-DocC/outputs/StudioForecast.doccarchive. Every warning is
# shown, and any warning fails the build.
docs: deps
	$(SWIFT) package --disable-sandbox generate-documentation --target StudioForecast --warnings-as-errors

# The example package uses the library as an analyst's own package would: it must build, print
# exactly the five-year difference and MCSE `studio-forecast compare` writes for the same seed
# and replications, and hold the README's library code (Examples/QuotaStudy/check.sh).
EXAMPLE_REPLICATIONS ?= 2000
example: deps
	$(SWIFT) build --product studio-forecast
	cd Examples/QuotaStudy && $(SWIFT) build
	Examples/QuotaStudy/check.sh $(EXAMPLE_REPLICATIONS)

benchmark: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build out $(NOTEBOOK_ENV)

# libFuzzer targets for every reader of user files (scenario, applicant list, shard files),
# built with the address sanitizer into .build-fuzz and run FUZZ_SECONDS each from a corpus
# seeded with the shipped scenarios and Tests/FuzzCorpus. A finding stops make with the input
# saved under .build-fuzz/findings/; replay it with the debug build's target of the same name
# and keep it under Tests/FuzzCorpus/regressions/ as a test. `make test` runs a short smoke.
FUZZ_TARGETS ?= FuzzScenarioLoader FuzzApplicantList FuzzShardFiles
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 30
FUZZ_BUILD = $(SWIFT) build -c release --build-path .build-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld

fuzz-build: deps
	@for target in $(FUZZ_TARGETS); do $(FUZZ_BUILD) --product $$target || exit 1; done

fuzz: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run SECONDS=$(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run SECONDS=$(FUZZ_SMOKE_SECONDS)

fuzz-run:
	@for target in $(FUZZ_TARGETS); do \
		corpus=.build-fuzz/corpus/$$target; findings=.build-fuzz/findings/$$target; \
		mkdir -p $$corpus $$findings; \
		cp -n Tests/FuzzCorpus/$$target/* $$corpus/ 2>/dev/null || true; \
		if [ $$target = FuzzScenarioLoader ]; then cp -n scenarios/*.yaml $$corpus/; fi; \
		echo "Fuzzing $$target for $(SECONDS) s..."; \
		SWIFT_BACKTRACE=enable=no .build-fuzz/release/$$target $$corpus \
			-max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
			-artifact_prefix=$$findings/ -print_final_stats=1 2>.build-fuzz/$$target.log \
			|| { tail -30 .build-fuzz/$$target.log; echo "$$target found a crash: see $$findings"; exit 1; }; \
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" .build-fuzz/$$target.log | sed "s/^/$$target /"; \
	done

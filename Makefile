# The two commands of the README. Each installs whatever is missing first.
.PHONY: serve test bench

serve:
	scripts/serve.sh

test:
	scripts/test.sh

# Not one of the two commands: prints the storage figures (size, open and save times).
bench:
	scripts/bench.sh

# The two commands of the README. Each installs whatever is missing first.
.PHONY: serve test

serve:
	scripts/serve.sh

test:
	scripts/test.sh

#!/bin/bash
# The embedded example: carry a Hyper-V guest config (CONFIG_HYPERV=m) to a kernel where HYPERV
# became bool and a new HYPERV_VMBUS took over, with `kconfig4j conf --olddefconfig` (exactly
# what the kernel's `make olddefconfig` does), and show what it silently changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kconfig4j=$here/../../bin/kconfig4j
for tree in new new-default; do
    work=$(mktemp -d)
    cp "$here/old.config" "$work/.config"
    (cd "$work" && env srctree="$here/$tree" KCONFIG_CONFIG="$work/.config" "$kconfig4j" conf -s --olddefconfig Kconfig)
    echo "== olddefconfig: old.config carried to examples/hyperv/$tree"
    diff <(grep -v '^#' "$here/old.config" | sort) <(grep '^CONFIG_' "$work/.config" | sort) \
        | sed -n 's/^< /  before: /p; s/^> /  after:  /p' || true
    lost=$(comm -23 <(grep -o '^CONFIG_[A-Z0-9_]*=[ym]' "$here/old.config" | cut -d= -f1 | sort) \
        <(grep -o '^CONFIG_[A-Z0-9_]*=[ym]' "$work/.config" | cut -d= -f1 | sort) | tr '\n' ' ')
    echo "  lost: ${lost:-nothing}"
    rm -rf "$work"
done

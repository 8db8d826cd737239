#!/bin/sh
# A checkout that was moved or renamed keeps a .build full of absolute paths (module caches,
# precompiled headers, the build manifest), and swift then fails with "precompiled file ... was
# compiled with module cache path ...". Notice the move and clear the old build products, keeping
# the downloaded dependencies, so the next build starts clean by itself.
set -eu
here=$(pwd -P)
stamp=.build/.checkout-path
[ -d .build ] || exit 0
built_in=""
if [ -f "$stamp" ]; then
    built_in=$(cat "$stamp")
else
    # Builds from before the stamp existed: the manifest names the folder it was made in.
    for manifest in .build/debug.yaml .build/release.yaml; do
        [ -f "$manifest" ] || continue
        found=$(grep -o '"/[^"]*/Sources/' "$manifest" | head -n 1 | sed 's|^"||; s|/Sources/$||')
        if [ -n "$found" ]; then built_in=$found; break; fi
    done
fi
if [ -n "$built_in" ] && [ "$built_in" != "$here" ]; then
    echo "This checkout moved (it was built in $built_in); clearing the old build so it rebuilds here." >&2
    rm -rf .build/debug .build/release .build/*-unknown-* .build/*-apple-* .build/plugins .build/index-build \
        .build/*.yaml .build/build.db
fi
printf '%s\n' "$here" > "$stamp"

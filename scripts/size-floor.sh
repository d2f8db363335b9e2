#!/usr/bin/env bash
# The download floor of the stack: builds the smallest Leptos app with a router (two pages, a
# button and a field) with the same versions, release profile and wasm-opt as Reachout, and
# prints its gzip size. Budget 1 of issue 11 (150 KB for the whole app) is judged against it.
# Not part of `make test`; takes about three minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
floor=target/size-floor
mkdir -p "$floor/src" "$floor/.cargo"
cp Cargo.lock "$floor/"
cp .cargo/config.toml "$floor/.cargo/"
cat > "$floor/Cargo.toml" <<'TOML'
[package]
name = "size-floor"
version = "0.1.0"
edition = "2021"

[workspace]

[dependencies]
leptos = { version = "0.8.23", features = ["csr"] }
leptos_router = "0.8.17"
wasm-bindgen = "=0.2.130"

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
TOML
cat > "$floor/src/main.rs" <<'RUST'
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
fn Home() -> impl IntoView {
    let (count, set_count) = signal(0u32);
    view! {
        <h1>"Home"</h1>
        <button on:click=move |_| set_count.update(|n| *n += 1)>"Count " {count}</button>
    }
}

#[component]
fn Other() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    view! {
        <h1>"Other"</h1>
        <label>"Name"<input prop:value=text on:input=move |e| set_text.set(event_target_value(&e))/></label>
        <p>{text}</p>
    }
}

fn main() {
    mount_to_body(|| view! {
        <Router>
            <nav><A href="/">"Home"</A><A href="/other">"Other"</A></nav>
            <main>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/other") view=Other/>
                </Routes>
            </main>
        </Router>
    })
}
RUST
echo '<!DOCTYPE html><html><head><link data-trunk rel="rust" data-wasm-opt="z"/></head><body></body></html>' > "$floor/index.html"
cp Trunk.toml "$floor/Trunk.toml"
sed -i '/^\[\[hooks\]\]/,$d' "$floor/Trunk.toml"
(cd "$floor" && trunk build --release --quiet)
total=0
for file in "$floor"/dist/*.wasm "$floor"/dist/*.js "$floor"/dist/index.html; do
  size=$(gzip -9c "$file" | wc -c)
  total=$((total + size))
  echo "$(basename "$file"): $size bytes gzip"
done
echo "the smallest Leptos app with a router: $total bytes gzip in all"

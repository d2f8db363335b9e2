fn main() {
    reachout::mount();
}

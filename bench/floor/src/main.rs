//! Hello, world: the least a Rust process can do, to time against.

fn main() {
    println!("Hello, world!");
}

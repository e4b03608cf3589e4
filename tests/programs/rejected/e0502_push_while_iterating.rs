// Mistake: pushing onto a Vec while a loop is iterating over it.
#[tokio::main]
async fn main() {
    let mut jobs = vec![1, 2, 3];
    for job in &jobs {
        if *job == 2 {
            jobs.push(4);
        }
    }
    println!("{:?}", jobs);
}

// An enum state machine driven by `match`, with data in its variants.
use tokio::time::{sleep, Duration};

#[derive(Debug, Clone, PartialEq)]
enum State {
    Idle,
    Connecting { attempt: u32 },
    Connected(String),
    Failed { reason: String, attempts: u32 },
}

#[derive(Debug)]
enum Event {
    Start,
    Timeout,
    Ok(String),
}

fn next(state: State, event: &Event) -> State {
    match (state, event) {
        (State::Idle, Event::Start) => State::Connecting { attempt: 1 },
        (State::Connecting { attempt }, Event::Timeout) if attempt < 3 => {
            State::Connecting { attempt: attempt + 1 }
        }
        (State::Connecting { attempt }, Event::Timeout) => State::Failed {
            reason: "too many timeouts".to_string(),
            attempts: attempt,
        },
        (State::Connecting { .. }, Event::Ok(addr)) => State::Connected(addr.clone()),
        (s, _) => s,
    }
}

async fn run(events: Vec<Event>, tick: u64) -> State {
    let mut state = State::Idle;
    for e in &events {
        sleep(Duration::from_millis(tick)).await;
        state = next(state, e);
        match &state {
            State::Connecting { attempt: n @ 2..=3 } => println!("retry #{n}"),
            State::Connected(addr) => println!("connected to {addr}"),
            State::Failed { reason, .. } => println!("failed: {reason}"),
            other => println!("now {:?}", other),
        }
    }
    state
}

#[tokio::main]
async fn main() {
    let ok = vec![Event::Start, Event::Timeout, Event::Ok("10.0.0.1".into())];
    let bad = vec![Event::Start, Event::Timeout, Event::Timeout, Event::Timeout];
    let (a, b) = tokio::join!(run(ok, 100), run(bad, 70));
    println!("{:?}", a);
    println!("{:#?}", b);
    println!("{}", a == State::Connected("10.0.0.1".to_string()));
    if let State::Failed { attempts, .. } = b {
        println!("gave up after {attempts}");
    }
}

// A struct with `&mut self` methods, and `async fn` methods with `&self`, on tasks.
use tokio::time::{sleep, Duration};

#[derive(Debug, Clone)]
struct Account {
    owner: String,
    balance: i64,
    history: Vec<i64>,
}

impl Account {
    fn new(owner: &str) -> Self {
        Account {
            owner: owner.to_string(),
            balance: 0,
            history: Vec::new(),
        }
    }

    fn deposit(&mut self, amount: i64) {
        self.balance += amount;
        self.history.push(amount);
    }

    fn withdraw(&mut self, amount: i64) -> Result<i64, String> {
        if amount > self.balance {
            return Err(format!("{} cannot withdraw {}", self.owner, amount));
        }
        self.balance -= amount;
        self.history.push(-amount);
        Ok(self.balance)
    }

    async fn settle(&self, ms: u64) -> i64 {
        sleep(Duration::from_millis(ms)).await;
        println!("{} settled at {} after {} ms", self.owner, self.balance, ms);
        self.balance
    }
}

#[tokio::main]
async fn main() {
    let mut alice = Account::new("alice");
    alice.deposit(100);
    alice.deposit(50);
    println!("{:?}", alice.withdraw(30));
    println!("{:?}", alice.withdraw(500));
    println!("{:?}", alice);

    let mut bob = alice.clone();
    bob.owner = String::from("bob");
    bob.deposit(1);

    let a = tokio::spawn(async move { alice.settle(200).await });
    let b = tokio::spawn(async move {
        let total = bob.settle(100).await;
        bob.deposit(total);
        bob
    });
    let bob = b.await.unwrap();
    println!("bob now has {} after {} moves", bob.balance, bob.history.len());
    println!("alice: {}", a.await.unwrap());
}

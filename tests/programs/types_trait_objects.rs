// Trait objects: `Vec<Box<dyn Trait + Send>>`, `&dyn Trait`, default methods, tasks.
use std::fmt;
use tokio::time::{sleep, Duration};

trait Sensor {
    fn name(&self) -> String;
    fn read(&self) -> f64;
    fn report(&self) -> String {
        format!("{} = {:.1}", self.name(), self.read())
    }
}

struct Thermo {
    celsius: f64,
}

struct Hygro(u8);

impl Sensor for Thermo {
    fn name(&self) -> String {
        "thermo".to_string()
    }
    fn read(&self) -> f64 {
        self.celsius
    }
}

impl Sensor for Hygro {
    fn name(&self) -> String {
        String::from("hygro")
    }
    fn read(&self) -> f64 {
        self.0 as f64
    }
    fn report(&self) -> String {
        format!("humidity {}%", self.0)
    }
}

impl fmt::Display for Thermo {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:.2}°C", self.celsius)
    }
}

fn loudest(sensors: &[Box<dyn Sensor + Send + Sync>]) -> &dyn Sensor {
    let mut best = &sensors[0];
    for s in sensors {
        if s.read() > best.read() {
            best = s;
        }
    }
    best.as_ref()
}

#[tokio::main]
async fn main() {
    let sensors: Vec<Box<dyn Sensor + Send + Sync>> = vec![
        Box::new(Thermo { celsius: 21.456 }),
        Box::new(Hygro(64)),
        Box::new(Thermo { celsius: -3.0 }),
    ];
    for s in &sensors {
        println!("{}", s.report());
    }
    println!("highest: {}", loudest(&sensors).name());
    println!("{}", Thermo { celsius: 1.0 });

    let handle = tokio::spawn(async move {
        let mut total = 0.0;
        for (i, s) in sensors.iter().enumerate() {
            sleep(Duration::from_millis(50)).await;
            println!("task read #{i}: {}", s.report());
            total += s.read();
        }
        total
    });
    println!("sum {:.3}", handle.await.unwrap());
}

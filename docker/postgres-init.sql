-- one database per service (docker-compose only; the embedded stack creates them itself)
create database gateway;
create database checkpoint;
create database cases;
create database personnel;

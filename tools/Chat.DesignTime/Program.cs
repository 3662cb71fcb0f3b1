// Nothing to run: this project exists so that `dotnet ef` has a startup project with the design assembly.
// See README.md, "Changing the model".
Console.WriteLine("Use: dotnet ef migrations add <Name> (see README.md).");
